namespace PlaceSimulation.Model.Parameters;

/// <summary>National levers and forces: set in Whitehall, felt in every place [CLES; Renaisi].</summary>
public sealed class NationalParameters
{
    public UniversalCreditParameters UniversalCredit { get; set; } = new();
    public BenefitsParameters Benefits { get; set; } = new();
    public PensionParameters Pensions { get; set; } = new();
    public SanctionParameters Sanctions { get; set; } = new();
    public FundingParameters Funding { get; set; } = new();
    public HousingPolicyParameters Housing { get; set; } = new();
    public TaxParameters Tax { get; set; } = new();
    public DisabilityParameters Disability { get; set; } = new();
}

public sealed class UniversalCreditParameters
{
    public double StandardAllowanceSingleGbpMonth { get; set; }
    public double StandardAllowanceCoupleGbpMonth { get; set; }
    public double ChildElementGbpMonth { get; set; }
    public double TwoChildLimit { get; set; }
    public double LcwraElementGbpMonth { get; set; }
    public double LcwraNeedThreshold { get; set; }
    public double NonDependantDeductionGbpMonth { get; set; }
    public double WorkAllowanceGbpMonth { get; set; }
    public double TaperRate { get; set; }
    public double BenefitCapSingleGbpMonth { get; set; }
    public double BenefitCapFamilyGbpMonth { get; set; }
    public double BenefitCapEarningsExemptionGbpMonth { get; set; }
    public double MaxDeductionShare { get; set; }
    public double FiveWeekWait { get; set; }
    public double AdvanceTakeUp { get; set; }
    public double RateScale { get; set; }
}

public sealed class BenefitsParameters
{
    public double UpratingAnnual { get; set; }
    public double LhaFrozen { get; set; }
    public double ChildBenefitFirstGbpWeek { get; set; }
    public double ChildBenefitOtherGbpWeek { get; set; }
}

public sealed class PensionParameters
{
    public double StatePensionGbpWeek { get; set; }
    public double LowestStatePensionShare { get; set; }
    public double PensionCreditSingleGbpWeek { get; set; }
    public double PensionCreditCoupleGbpWeek { get; set; }
    public double PensionCreditTakeUp { get; set; }
}

public sealed class SanctionParameters
{
    public double MonthlyRate { get; set; }
    public double LengthMonths { get; set; }
    public double SeverityShare { get; set; }
    public double MentalHealthRiskMultiplier { get; set; }
    public double EarningsThresholdSingleGbpMonth { get; set; }
    public double EarningsThresholdCoupleGbpMonth { get; set; }
}

/// <summary>Central funding that becomes local capacity. Each is a multiplier on the baseline (1 = today).</summary>
public sealed class FundingParameters
{
    public double LocalGovernmentGrantScale { get; set; }
    public double LocalGovernmentGrantShare { get; set; }
    public double MentalHealthScale { get; set; }
    public double VcseScale { get; set; }
    public double JobcentreScale { get; set; }
    public double BudgetGrowthAnnual { get; set; }
}

public sealed class HousingPolicyParameters
{
    public double SocialLetsScale { get; set; }
}

/// <summary>Personal Independence Payment: extra-costs disability benefit, not means-tested.</summary>
public sealed class DisabilityParameters
{
    public double PipGbpWeek { get; set; }
    public double PipNeedThreshold { get; set; }
    public double PipTakeUp { get; set; }
}

/// <summary>Income tax and National Insurance on earnings (rUK rates).</summary>
public sealed class TaxParameters
{
    public double PersonalAllowanceGbpYear { get; set; }
    public double BasicRate { get; set; }
    public double HigherRateThresholdGbpYear { get; set; }
    public double HigherRate { get; set; }
    public double NiRate { get; set; }
    public double NiUpperRate { get; set; }
}
