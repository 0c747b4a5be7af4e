using PlaceSimulation.Model.Households;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Parameters;

namespace PlaceSimulation.Model.Services;

/// <summary>
/// What a contact with each service does for a household this month. A specialist works
/// on its own domain: its effect is the share of that need's severity a contact removes.
/// A relational caseworker holds the household for several months and works on every
/// need at once, fixing quickly solvable issues (claims, debt plans, arrears), building
/// trust and agency ("bespoke by default" [Studdert, New Local]; the Gateshead liberated method [JRF hardship series]);
/// its effect is scaled by the staff effectiveness that turnover and top-down monitoring
/// leave [Renaisi]. Refusal or a long wait costs trust (broken promises [Renaisi]).
/// Returns the bits of the need domains addressed this month.
/// </summary>
public static class ServiceEffects
{
    /// <summary>
    /// Applies each service's help in the table's effect order (<see cref="ServiceKinds.ByEffectOrder"/>):
    /// a service granted this month, or a caseworker still holding the household's case.
    /// </summary>
    public static int Apply(ref Household h, ushort granted, in EffectContext c, long[] counters)
    {
        var b = c.Parameters.Behaviour;
        var addressed = 0;

        var services = ServiceKinds.ByEffectOrder;
        for (var i = 0; i < services.Length; i++)
        {
            var s = services[i];
            var isGranted = (granted & s.Bit) != 0;
            if (!isGranted && !(s.HoldsCases && h.CaseMonths > 0)) continue;
            s.Help(ref h, isGranted, c, counters);
            addressed |= s.Domains;
        }

        // Came for crisis help and got neither a crisis award nor food: unmet crisis demand.
        if (h.AskedCrisis && (granted & ServiceKinds.CrisisHelp) == 0) counters[Counter.UnmetCrisisRequests]++;

        // Voluntary requests refused this month: a broken promise, and a longer wait.
        var voluntary = ServiceKinds.VoluntaryServices;
        h.Waiting &= (ushort)~granted;
        var refused = h.Requested & ~granted & voluntary;
        if (refused != 0)
        {
            h.MonthsWaiting = (byte)Math.Min(h.MonthsWaiting + 1, 24);
            h.Trust = Math.Max(0, h.Trust - (float)b.RefusalTrustLoss);
        }
        else if ((h.Requested & voluntary) != 0)
        {
            h.MonthsWaiting = 0;
            h.Trust = Math.Min(1, h.Trust + (float)b.HelpTrustGain);
        }
        return addressed;
    }

    /// <summary>Relational caseworker: takes the household on when granted, then works on every need each month the case lasts.</summary>
    public static void Relational(ref Household h, bool granted, in EffectContext c, long[] counters)
    {
        var local = c.Parameters.Local;
        if (granted)
            h.CaseMonths = (byte)Math.Clamp(Math.Round(local.SystemsChange.RelationalCaseMonths), 1, 60);
        if (h.CaseMonths == 0) return;

        var e = local.Relational.Effect * c.StaffEffectiveness;
        for (var d = 0; d < NeedDomains.Count; d++)
            h.SetNeed((NeedDomain)d, h.Need((NeedDomain)d) * (float)(1 - e));
        StartClaim(ref h);
        h.Debt *= (float)(1 - 0.5 * e);
        h.HousingArrears *= (float)(1 - e);
        if (h.CouncilTaxArrears > 0) h.PaymentPlan = true;
        if (h.SanctionMonths > 0 && e > 0.2) h.SanctionMonths--;
        h.Trust = Math.Min(1, h.Trust + (float)(2 * c.Parameters.Behaviour.HelpTrustGain));
        h.Agency = Math.Min(1, h.Agency + 0.02f);
        h.CaseMonths--;
        counters[Counter.OnCaseload]++;
    }

    /// <summary>Debt and welfare advice.</summary>
    public static void Advice(ref Household h, bool granted, in EffectContext c, long[] counters)
    {
        var e = c.Parameters.Local.Advice.Effect * c.CommissioningValue;
        StartClaim(ref h);
        h.Debt *= (float)(1 - e);
        h.NeedDebt *= (float)(1 - e);
        h.NeedIncome *= (float)(1 - e);
        if (h.CouncilTaxArrears > 0) h.PaymentPlan = true;
    }

    /// <summary>Housing options (no eviction that month and likelier rehousing are in <see cref="Homelessness"/>).</summary>
    public static void Housing(ref Household h, bool granted, in EffectContext c, long[] counters)
    {
        var e = c.Parameters.Local.Housing.Effect * c.StaffEffectiveness;
        h.HousingArrears *= (float)(1 - e);
        h.NeedHousing *= (float)(1 - e);
    }

    /// <summary>Mental health services.</summary>
    public static void MentalHealth(ref Household h, bool granted, in EffectContext c, long[] counters) =>
        h.NeedMental *= (float)(1 - c.Parameters.Local.MentalHealth.Effect);

    /// <summary>Community organisations: social prescribing, and food for households asking for crisis help.</summary>
    public static void Vcse(ref Household h, bool granted, in EffectContext c, long[] counters)
    {
        var e = c.Parameters.Local.Vcse.Effect * c.VcseCapacity * c.CommissioningValue;
        h.NeedIsolation *= (float)(1 - e);
        h.NeedPhysical *= (float)(1 - e / 3);
        if (h.AskedCrisis)
        {
            // Food for everyone in the household (Trussell counts a parcel per person).
            counters[Counter.FoodParcels] += h.People;
            h.NeedIncome *= (float)(1 - e / 2);
        }
    }

    /// <summary>Local crisis fund: a cash award meets the month's gap, up to the fund's typical award.</summary>
    public static void CrisisFund(ref Household h, bool granted, in EffectContext c, long[] counters)
    {
        var award = Math.Min(Math.Max(h.Gap, c.Rates.DestitutionLine(h) - h.Disposable), c.Parameters.Local.CrisisFund.CostPerContactGbp * c.Rates.PriceIndex);
        award = Math.Max(0, award);
        h.Disposable += (float)award;
        h.Gap = (float)Math.Max(0, h.Gap - award);
        counters[Counter.CrisisAwardPence] += Counter.Pence(award);
    }

    /// <summary>Jobcentre work coaches: support that raises next month's job finding.</summary>
    public static void Jobcentre(ref Household h, bool granted, in EffectContext c, long[] counters) => h.JobSupport = true;

    /// <summary>Council tax collection: enforcement or a supportive payment plan (<see cref="CouncilTaxCollection"/>).</summary>
    public static void CouncilTax(ref Household h, bool granted, in EffectContext c, long[] counters) =>
        CouncilTaxCollection.Act(ref h, c, counters);

    private static void StartClaim(ref Household h)
    {
        if (!h.Claims && !h.Pensioner && h.UcEntitlement > 0) h.NewClaim = true;
        if (h.UcEntitlement > 0 || h.Pensioner) h.Claims = true;
        h.ClaimsPip = true;
    }
}

/// <summary>The month's values the service effects need, gathered once per block.</summary>
public readonly record struct EffectContext(
    ModelParameters Parameters,
    MonthRates Rates,
    double StaffEffectiveness,
    double VcseCapacity,
    double CommissioningValue);
