namespace PlaceSimulation.Model.Parameters;

/// <summary>Prices, earnings, rents and the labour market: national and global forces.</summary>
public sealed class EconomyParameters
{
    public double CpiAnnual { get; set; }
    public double EarningsGrowthAnnual { get; set; }
    public double RentGrowthAnnual { get; set; }
    public double JobLossMonthly { get; set; }
    public double JobFindMonthly { get; set; }
    public double NationalEmploymentRate { get; set; }
    public double ShockJobLossMultiplier { get; set; }
    public double ShockJobFindMultiplier { get; set; }
    public double EssentialsGbpWeek { get; set; }
    public double MedianAhcIncomeGbpWeek { get; set; }
}

/// <summary>Definitions of the outcome measures (poverty lines, destitution thresholds).</summary>
public sealed class MeasureParameters
{
    public double PovertyLineShare { get; set; }
    public double DeepPovertyLineShare { get; set; }
    public double DestitutionSingleGbpWeek { get; set; }
    public double DestitutionExtraAdultGbpWeek { get; set; }
    public double DestitutionPerChildGbpWeek { get; set; }
    public double SevereNeedThreshold { get; set; }
}
