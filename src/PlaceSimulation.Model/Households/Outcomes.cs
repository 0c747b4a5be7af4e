using System.Runtime.CompilerServices;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Parameters;

namespace PlaceSimulation.Model.Households;

/// <summary>
/// The month's measures for one household, added into the block's integer counters.
/// Relative poverty after housing costs: equivalised AHC income below the poverty line
/// (HBAI definition; counted for people and for children). Deep poverty: below the deep
/// line (JRF: 40% of median = "very deep poverty"). Destitution (JRF/I-SPHERE, income
/// criterion): money after housing costs and deductions below JRF's destitution income
/// threshold with no savings to fall back on, or going without more than half of the cost
/// of essentials. A severe need (severity at or above the threshold) is unmet when no
/// service worked on that domain this month. JRF's national destitution figures come from
/// a census of people using crisis services, so the model also counts the households that
/// came to one (food bank or other voluntary crisis help, the crisis fund, advice, housing)
/// in a month they were destitute: what such a census can see.
/// </summary>
public static class Outcomes
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDestitute(in Household h, in MonthRates r)
    {
        var line = r.DestitutionLine(h);
        return (h.Disposable < line && h.Savings < line) || h.Gap > 0.5 * h.Essentials;
    }

    /// <summary>After help-seeking: notes whether the household came to a crisis service while destitute this month.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NoteCrisisContact(ref Household h)
    {
        if (h.Destitute && (h.Requested & Services.ServiceKinds.CrisisServices) != 0) h.MonthsSinceSeenDestitute = 0;
        else if (h.MonthsSinceSeenDestitute < short.MaxValue) h.MonthsSinceSeenDestitute++;
    }

    /// <remarks>
    /// Written without branches where the outcome varies from household to household (poverty,
    /// pension age, entitlement): each condition becomes 0 or 1 and is added, since a branch the
    /// processor cannot predict costs more than the adds. The sums are those of the plain
    /// if-statements, term for term.
    /// </remarks>
    public static void Count(ref Household h, int addressed, in MonthRates r, ModelParameters p, CounterTally c)
    {
        int people = h.Adults + h.Children;
        int children = h.Children;
        int adults = h.Adults;
        c[Counter.Households]++;
        c[Counter.People] += people;
        c[Counter.Children] += children;

        var equivalised = HouseholdIncome.AfterHousingCosts(h, p.Place.MortgageInterestShare) / Equivalisation.AfterHousingCosts(h);
        var poor = CounterTally.Of(equivalised < r.PovertyLine);
        var poorMask = -poor;
        c[Counter.PeopleInPoverty] += people & poorMask;
        c[Counter.ChildrenInPoverty] += children & poorMask;
        c[Counter.HouseholdsInPoverty] += poor;
        var pensioner = CounterTally.Of(h.Pensioner);
        var workingAge = 1 - pensioner;
        // A pensioner household's working-age adult is its non-dependant; otherwise every adult.
        var workingAgeAdults = h.NonDependants + (adults & -workingAge);
        c[Counter.Pensioners] += adults & -pensioner;
        c[Counter.PensionersInPoverty] += adults & -(pensioner & poor);
        c[Counter.WorkingAgeAdultsInPoverty] += workingAgeAdults & poorMask;
        c[Counter.WorkingAgeAdults] += workingAgeAdults;
        var nonDependantWorking = CounterTally.Of(h.NonDependants > 0) & CounterTally.Of(h.Work3 > 0);
        var unitWorking = CounterTally.Of(h.Work1 > 0) + (CounterTally.Of(h.Adults > 1) & CounterTally.Of(h.Work2 > 0));
        c[Counter.AdultsWorking] += nonDependantWorking + (unitWorking & -workingAge);
        c[Counter.PeopleInDeepPoverty] += people & -CounterTally.Of(equivalised < r.DeepPovertyLine);

        var destitute = CounterTally.Of(h.Destitute);
        var entitled = CounterTally.Of(h.UcEntitlement > 0);
        var claims = CounterTally.Of(h.Claims);
        c[Counter.HouseholdsDestitute] += destitute;
        c[Counter.DestituteOnBenefits] += destitute & (pensioner | (claims & entitled));
        // Months since destitute: 0 this month, else one more (up to the largest a short holds).
        int since = h.MonthsSinceDestitute;
        since += CounterTally.Of(since < short.MaxValue);
        h.MonthsSinceDestitute = (short)(since & (destitute - 1));
        c[Counter.HouseholdsDestitutePast12] += CounterTally.Of(h.MonthsSinceDestitute < 12);
        c[Counter.DestituteSeenPast12] += CounterTally.Of(h.MonthsSinceSeenDestitute < 12);
        c[Counter.HouseholdsHomeless] += CounterTally.Of(h.Homeless);
        c[Counter.CouncilTaxArrearsHouseholds] += CounterTally.Of(h.CouncilTaxArrears > 1);

        var threshold = p.Measures.SevereNeedThreshold;
        var severeNeeds = 0;
        var unmetNeeds = 0;
        for (var d = 0; d < NeedDomains.Count; d++)
        {
            var severe = CounterTally.Of(!(h.Needs[d] < threshold));
            var unmet = severe & ~(addressed >> d) & 1;
            severeNeeds += severe;
            unmetNeeds += unmet;
            c[Counter.SevereNeedBase + d] += severe;
            c[Counter.UnmetNeedBase + d] += unmet;
        }
        c[Counter.SevereNeeds] += severeNeeds;
        c[Counter.UnmetNeeds] += unmetNeeds;

        if (h.NeedMental >= 0.9 && (addressed & (1 << (int)NeedDomain.MentalHealth)) == 0)
        {
            c[Counter.MentalHealthCrises]++;
            c[Counter.FailureDemandPence] += Counter.Pence(p.Behaviour.MentalCrisisCostGbp * r.PriceIndex);
        }

        // Working age: Universal Credit eligibility, claims and conditionality; pension age: Pension Credit.
        var paid = workingAge & entitled & claims;
        c[Counter.UcEligible] += workingAge & entitled;
        c[Counter.UcClaiming] += paid;
        c[Counter.UcPaid] += paid;
        c[Counter.UcWithDeductions] += paid & CounterTally.Of(h.Deductions > 0);
        var sanctioned = CounterTally.Of(h.SanctionMonths > 0);
        c[Counter.Conditional] += workingAge & (Sanctions.Conditionality(h, r) | sanctioned);
        c[Counter.Sanctioned] += workingAge & sanctioned;
        c[Counter.PensionCreditEligible] += pensioner & entitled;
        c[Counter.PensionCreditClaiming] += pensioner & entitled & claims;

        // Public spending on benefits the levers touch: the State Pension is left out (times 0 or 1:
        // the same number as the branch, as the pension is finite and not negative).
        var statePension = r.StatePension * h.StatePensionShare * h.Adults * pensioner;
        c[Counter.BenefitPence] += Counter.Pence(h.BenefitIncome - statePension);
        c[Counter.TrustMicros] += Counter.Micros(h.Trust);
        c[Counter.DebtPence] += Counter.Pence(h.Debt);
        c[Counter.HousingArrearsPence] += Counter.Pence(h.HousingArrears);
    }
}
