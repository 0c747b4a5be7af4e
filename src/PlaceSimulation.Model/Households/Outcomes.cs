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
    public static bool IsDestitute(in Household h, in MonthRates r)
    {
        var line = r.DestitutionLine(h);
        return (h.Disposable < line && h.Savings < line) || h.Gap > 0.5 * h.Essentials;
    }

    /// <summary>After help-seeking: notes whether the household came to a crisis service while destitute this month.</summary>
    public static void NoteCrisisContact(ref Household h)
    {
        if (h.Destitute && (h.Requested & Services.ServiceKinds.CrisisServices) != 0) h.MonthsSinceSeenDestitute = 0;
        else if (h.MonthsSinceSeenDestitute < short.MaxValue) h.MonthsSinceSeenDestitute++;
    }

    public static void Count(ref Household h, int addressed, in MonthRates r, ModelParameters p, long[] c)
    {
        var people = h.Adults + h.Children;
        c[Counter.Households]++;
        c[Counter.People] += people;
        c[Counter.Children] += h.Children;

        var equivalised = HouseholdIncome.AfterHousingCosts(h, p.Place.MortgageInterestShare) / Equivalisation.AfterHousingCosts(h);
        var poor = equivalised < r.PovertyLine;
        if (poor)
        {
            c[Counter.PeopleInPoverty] += people;
            c[Counter.ChildrenInPoverty] += h.Children;
            c[Counter.HouseholdsInPoverty]++;
        }
        var workingAgeAdults = h.Pensioner ? h.NonDependants : h.Adults + h.NonDependants;
        if (h.Pensioner)
        {
            c[Counter.Pensioners] += h.Adults;
            if (poor) c[Counter.PensionersInPoverty] += h.Adults;
        }
        if (poor) c[Counter.WorkingAgeAdultsInPoverty] += workingAgeAdults;
        c[Counter.WorkingAgeAdults] += workingAgeAdults;
        c[Counter.AdultsWorking] += h.Pensioner ? (h.NonDependants > 0 && h.Work3 > 0 ? 1 : 0) : h.AllAdultsWorking;
        if (equivalised < r.DeepPovertyLine) c[Counter.PeopleInDeepPoverty] += people;

        if (h.Destitute)
        {
            c[Counter.HouseholdsDestitute]++;
            if (h.Pensioner || (h.Claims && h.UcEntitlement > 0)) c[Counter.DestituteOnBenefits]++;
            h.MonthsSinceDestitute = 0;
        }
        else if (h.MonthsSinceDestitute < short.MaxValue)
        {
            h.MonthsSinceDestitute++;
        }
        if (h.MonthsSinceDestitute < 12) c[Counter.HouseholdsDestitutePast12]++;
        if (h.MonthsSinceSeenDestitute < 12) c[Counter.DestituteSeenPast12]++;
        if (h.Homeless) c[Counter.HouseholdsHomeless]++;
        if (h.CouncilTaxArrears > 1) c[Counter.CouncilTaxArrearsHouseholds]++;

        var threshold = p.Measures.SevereNeedThreshold;
        for (var d = 0; d < NeedDomains.Count; d++)
        {
            if (h.Need((NeedDomain)d) < threshold) continue;
            c[Counter.SevereNeeds]++;
            c[Counter.SevereNeedBase + d]++;
            if ((addressed & (1 << d)) != 0) continue;
            c[Counter.UnmetNeeds]++;
            c[Counter.UnmetNeedBase + d]++;
        }

        if (h.NeedMental >= 0.9 && (addressed & (1 << (int)NeedDomain.MentalHealth)) == 0)
        {
            c[Counter.MentalHealthCrises]++;
            c[Counter.FailureDemandPence] += Counter.Pence(p.Behaviour.MentalCrisisCostGbp * r.PriceIndex);
        }

        if (!h.Pensioner)
        {
            if (h.UcEntitlement > 0)
            {
                c[Counter.UcEligible]++;
                if (h.Claims)
                {
                    c[Counter.UcClaiming]++;
                    c[Counter.UcPaid]++;
                    if (h.Deductions > 0) c[Counter.UcWithDeductions]++;
                }
            }
            if (Sanctions.InConditionality(h, r) || h.SanctionMonths > 0)
            {
                c[Counter.Conditional]++;
                if (h.SanctionMonths > 0) c[Counter.Sanctioned]++;
            }
        }

        if (h.Pensioner && h.UcEntitlement > 0)
        {
            c[Counter.PensionCreditEligible]++;
            if (h.Claims) c[Counter.PensionCreditClaiming]++;
        }

        // Public spending on benefits the levers touch: the State Pension is left out.
        var statePension = h.Pensioner ? r.StatePension * h.StatePensionShare * h.Adults : 0;
        c[Counter.BenefitPence] += Counter.Pence(h.BenefitIncome - statePension);
        c[Counter.TrustMicros] += Counter.Micros(h.Trust);
        c[Counter.DebtPence] += Counter.Pence(h.Debt);
        c[Counter.HousingArrearsPence] += Counter.Pence(h.HousingArrears);
    }
}
