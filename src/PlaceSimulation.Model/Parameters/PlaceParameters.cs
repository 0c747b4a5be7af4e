namespace PlaceSimulation.Model.Parameters;

/// <summary>Who lives in a place and what their housing costs: set by the place preset.</summary>
public sealed class PlaceParameters
{
    public double Households { get; set; }
    public double PensionerShare { get; set; }
    public double NoRecourseShare { get; set; }
    public double NonDependantShare { get; set; }
    public double NonDependantWageRatio { get; set; }
    public double PensionerCoupleShare { get; set; }
    public double CoupleShareWithChildren { get; set; }
    public double CoupleShareWithoutChildren { get; set; }
    public double WithChildrenShare { get; set; }
    public double OneChildShare { get; set; }
    public double TwoChildrenShare { get; set; }
    public double ThreeChildrenShare { get; set; }
    public double OlderChildShare { get; set; }
    public double SocialRentShare { get; set; }
    public double PrivateRentShare { get; set; }
    public double FamiliesRentingRatio { get; set; }
    public double PensionerOwnerShare { get; set; }
    public double MortgageShareOfOwners { get; set; }
    public double EmploymentRate { get; set; }
    public double EmploymentRatioSocial { get; set; }
    public double EmploymentRatioOwner { get; set; }
    public double EarningsRatioSocial { get; set; }
    public double EarningsRatioOwner { get; set; }
    public double PartTimeShare { get; set; }
    public double ParentPartTimeShare { get; set; }
    public double PartTimeEarningsRatio { get; set; }
    public double SecondEarnerWageRatio { get; set; }
    public double EmploymentRatioLoneParent { get; set; }
    public double MedianFullTimeEarningsGbpMonth { get; set; }
    public double EarningsDispersion { get; set; }
    public double PrivateRentGbpMonth { get; set; }
    public double SocialRentGbpMonth { get; set; }
    public double MortgageShareOfEarnings { get; set; }
    public double MortgageInterestShare { get; set; }
    public double LhaShareOfMedianRent { get; set; }
    public double CouncilTaxGbpMonth { get; set; }
    public double WaterGbpMonth { get; set; }
    public double SavingsMedianMonths { get; set; }
    public double DebtPrevalence { get; set; }
    public double DebtRatioWorkless { get; set; }
    public double DebtRatioPensioner { get; set; }
    public double DebtTypicalGbp { get; set; }
    public double MentalNeedPrevalence { get; set; }
    public double PhysicalNeedPrevalence { get; set; }
    public double IsolationPrevalence { get; set; }
    public double TrustMean { get; set; }
    public double PensionerOtherIncomeGbpMonth { get; set; }
    public double PensionerNoPrivatePensionShare { get; set; }
    public double RentDispersion { get; set; }
}
