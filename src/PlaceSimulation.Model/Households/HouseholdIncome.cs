using PlaceSimulation.Model.Parameters;

namespace PlaceSimulation.Model.Households;

/// <summary>
/// A household's income for the month, £ per month: take-home pay, benefits as paid
/// (Universal Credit or, for pensioners, State Pension, Pension Credit and Housing
/// Benefit; Child Benefit for everyone with children), housing costs and council tax.
/// Results are stored on the household's "this month" fields.
/// </summary>
public static class HouseholdIncome
{
    public static void Assess(ref Household h, in MonthRates r, ModelParameters p)
    {
        var rent = h.Homeless ? 0 : h.HousingCostBase * (h.Tenure == Tenure.Owner ? r.PriceIndex : r.RentIndex);
        var childBenefit = h.Children == 0 ? 0 : r.ChildBenefitFirst + r.ChildBenefitOther * (h.Children - 1);
        var net = LabourMarket.NetEarningsOf(h, r.EarningsIndex, p.National.Tax);
        var other = h.OtherIncomeBase * r.EarningsIndex;
        double benefits, deductions = 0, entitlement;
        bool lowIncomeSupport;

        if (h.Pensioner)
        {
            var pension = PensionIncome.Assess(h, other, rent, r);
            benefits = pension.Benefits + childBenefit;
            entitlement = pension.PensionCredit + pension.HousingBenefit;
            lowIncomeSupport = pension.PensionCredit > 0;
        }
        else
        {
            // Homeless households in temporary accommodation have their housing met by the
            // council (counted as failure demand), so no housing element is assessed here.
            var award = UniversalCredit.Assess(h, net, childBenefit, UniversalCredit.EligibleRent(h, rent, r), r);
            entitlement = award.Entitlement;
            var paid = h.Claims ? award.Paid : 0;
            deductions = h.Claims ? award.Deduction : 0;
            benefits = paid + deductions + childBenefit;
            lowIncomeSupport = h.Claims && entitlement > 0;
        }

        // Council Tax Reduction: pensioners on Pension Credit pay none (national scheme);
        // working-age claimants get the local scheme's share.
        var ctr = !lowIncomeSupport ? 0 : h.Pensioner ? 1.0 : p.Local.CouncilTaxRules.ReductionShare;
        var councilTax = h.Homeless ? 0 : r.CouncilTax * (h.Adults == 1 ? 0.75 : 1.0) * (1 - ctr);

        h.NetEarnings = (float)net;
        h.OtherIncome = (float)other;
        h.BenefitIncome = (float)benefits;
        h.Deductions = (float)deductions;
        h.UcEntitlement = (float)entitlement;
        h.HousingCost = (float)rent;
        h.CouncilTaxDue = (float)councilTax;
    }

    /// <summary>
    /// Income after housing costs as HBAI measures it, £ per month: net earnings, other
    /// income and benefits (before deductions for debts, which HBAI does not subtract), less
    /// rent or mortgage and council tax.
    /// </summary>
    public static double AfterHousingCosts(in Household h) =>
        h.NetEarnings + h.OtherIncome + h.BenefitIncome - h.HousingCost - h.CouncilTaxDue;
}
