using System.Runtime.CompilerServices;
using PlaceSimulation.Model.Calendar;
using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Model.Households;

/// <summary>
/// The month's money amounts, worked out once per month and block from the parameters and
/// the place's indices (not once per household): benefit rates uprated by the benefit
/// index and the rate-cut lever, poverty and destitution lines, the cost of essentials.
/// All £ per month.
/// </summary>
public readonly struct MonthRates
{
    private const double WeeksPerMonth = 52.0 / 12.0;

    public readonly UniversalCreditParameters Uc;
    public readonly double StandardAllowanceSingle;
    public readonly double StandardAllowanceCouple;
    public readonly double ChildElement;
    /// <summary>The rate-cut lever applied to the housing element (rents are not uprated with benefits, so only the lever).</summary>
    public readonly double HousingElementScale;
    /// <summary>Whole months from April 2017 (the two-child limit's start) to this month: an older child was born before it.</summary>
    public readonly int MonthsSinceTwoChildLimit;
    public readonly double LcwraElement;
    public readonly double WorkAllowance;
    public readonly double BenefitCapSingle;
    public readonly double BenefitCapFamily;
    public readonly double BenefitCapEarningsExemption;
    public readonly double SanctionSeverity;
    public readonly double EarningsThresholdSingle;
    public readonly double EarningsThresholdCouple;
    public readonly double DebtDeductionShare;
    public readonly double ChildBenefitFirst;
    public readonly double ChildBenefitOther;
    public readonly double NonDependantDeduction;
    public readonly double Pip;
    public readonly double StatePension;
    public readonly double PensionCreditSingle;
    public readonly double PensionCreditCouple;
    public readonly double LhaBase;
    public readonly double PovertyLine;
    public readonly double DeepPovertyLine;
    public readonly double EssentialsPerEquivalentAdult;
    public readonly double DestitutionSingle;
    public readonly double DestitutionExtraAdult;
    public readonly double DestitutionPerChild;
    public readonly double EarningsIndex;
    public readonly double RentIndex;
    public readonly double PriceIndex;
    public readonly double CouncilTax;
    public readonly double Water;
    /// <summary>Income tax and National Insurance as monthly bands.</summary>
    public readonly TaxBands Tax;

    public MonthRates(MonthContext ctx)
    {
        var p = ctx.Parameters;
        var s = ctx.Signals;
        Uc = p.National.UniversalCredit;
        var benefit = s.BenefitIndex * Uc.RateScale;
        StandardAllowanceSingle = Uc.StandardAllowanceSingleGbpMonth * benefit;
        StandardAllowanceCouple = Uc.StandardAllowanceCoupleGbpMonth * benefit;
        ChildElement = Uc.ChildElementGbpMonth * benefit;
        HousingElementScale = Uc.RateScale;
        MonthsSinceTwoChildLimit = ctx.Calendar.MonthsSince(new YearMonth(2017, 4));
        LcwraElement = Uc.LcwraElementGbpMonth * benefit;
        NonDependantDeduction = Uc.NonDependantDeductionGbpMonth * s.BenefitIndex;
        WorkAllowance = Uc.WorkAllowanceGbpMonth * s.BenefitIndex;
        // The benefit cap is set in cash and has not been uprated with benefits (DWP rates 2024-2026).
        BenefitCapSingle = Uc.BenefitCapSingleGbpMonth;
        BenefitCapFamily = Uc.BenefitCapFamilyGbpMonth;
        BenefitCapEarningsExemption = Uc.BenefitCapEarningsExemptionGbpMonth * s.EarningsIndex;
        SanctionSeverity = p.National.Sanctions.SeverityShare;
        EarningsThresholdSingle = p.National.Sanctions.EarningsThresholdSingleGbpMonth * s.EarningsIndex;
        EarningsThresholdCouple = p.National.Sanctions.EarningsThresholdCoupleGbpMonth * s.EarningsIndex;
        DebtDeductionShare = p.Behaviour.DebtDeductionShare;
        ChildBenefitFirst = p.National.Benefits.ChildBenefitFirstGbpWeek * WeeksPerMonth * s.BenefitIndex;
        ChildBenefitOther = p.National.Benefits.ChildBenefitOtherGbpWeek * WeeksPerMonth * s.BenefitIndex;
        Pip = p.National.Disability.PipGbpWeek * WeeksPerMonth * s.BenefitIndex;
        StatePension = p.National.Pensions.StatePensionGbpWeek * WeeksPerMonth * s.EarningsIndex;
        PensionCreditSingle = p.National.Pensions.PensionCreditSingleGbpWeek * WeeksPerMonth * s.EarningsIndex;
        PensionCreditCouple = p.National.Pensions.PensionCreditCoupleGbpWeek * WeeksPerMonth * s.EarningsIndex;
        LhaBase = p.Place.LhaShareOfMedianRent * p.Place.PrivateRentGbpMonth * s.LhaIndex;
        // Relative poverty is measured against the national median, which follows earnings (stated assumption).
        var median = p.Economy.MedianAhcIncomeGbpWeek * WeeksPerMonth * s.EarningsIndex;
        PovertyLine = p.Measures.PovertyLineShare * median;
        DeepPovertyLine = p.Measures.DeepPovertyLineShare * median;
        EssentialsPerEquivalentAdult = p.Economy.EssentialsGbpWeek * WeeksPerMonth * s.PriceIndex;
        DestitutionSingle = p.Measures.DestitutionSingleGbpWeek * WeeksPerMonth * s.PriceIndex;
        DestitutionExtraAdult = p.Measures.DestitutionExtraAdultGbpWeek * WeeksPerMonth * s.PriceIndex;
        DestitutionPerChild = p.Measures.DestitutionPerChildGbpWeek * WeeksPerMonth * s.PriceIndex;
        EarningsIndex = s.EarningsIndex;
        RentIndex = s.RentIndex;
        PriceIndex = s.PriceIndex;
        CouncilTax = p.Place.CouncilTaxGbpMonth * s.PriceIndex;
        Water = p.Place.WaterGbpMonth * s.PriceIndex;
        Tax = new TaxBands(p.National.Tax);
    }

    /// <summary>Relative size of home a household needs (1 = two bedrooms), for rents and the LHA; a non-dependent adult needs a room of their own.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double HomeSize(in Household h) => h.Children switch
    {
        0 => 0.8,
        1 => 1.0,
        2 => 1.2,
        _ => 1.4,
    } + 0.2 * h.NonDependants;

    public double LhaFor(in Household h) => LhaBase * HomeSize(h);

    /// <summary>JRF's income threshold for destitution for this household, £ per month.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double DestitutionLine(in Household h) =>
        DestitutionSingle + DestitutionExtraAdult * (h.Adults - 1 + h.NonDependants) + DestitutionPerChild * h.Children;
}
