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
    public static int Apply(ref Household h, ushort granted, in EffectContext c, long[] counters)
    {
        var p = c.Parameters;
        var local = p.Local;
        var b = p.Behaviour;
        var addressed = 0;

        if ((granted & ServiceKinds.Bit(ServiceKind.Relational)) != 0)
            h.CaseMonths = (byte)Math.Clamp(Math.Round(local.SystemsChange.RelationalCaseMonths), 1, 60);

        if (h.CaseMonths > 0)
        {
            var e = local.Relational.Effect * c.StaffEffectiveness;
            for (var d = 0; d < NeedDomains.Count; d++)
                h.SetNeed((NeedDomain)d, h.Need((NeedDomain)d) * (float)(1 - e));
            StartClaim(ref h);
            h.Debt *= (float)(1 - 0.5 * e);
            h.HousingArrears *= (float)(1 - e);
            if (h.CouncilTaxArrears > 0) h.PaymentPlan = true;
            if (h.SanctionMonths > 0 && e > 0.2) h.SanctionMonths--;
            h.Trust = Math.Min(1, h.Trust + (float)(2 * b.HelpTrustGain));
            h.Agency = Math.Min(1, h.Agency + 0.02f);
            h.CaseMonths--;
            counters[Counter.OnCaseload]++;
            addressed = (1 << NeedDomains.Count) - 1;
        }

        if ((granted & ServiceKinds.Bit(ServiceKind.Advice)) != 0)
        {
            var e = local.Advice.Effect * c.CommissioningValue;
            StartClaim(ref h);
            h.Debt *= (float)(1 - e);
            h.NeedDebt *= (float)(1 - e);
            h.NeedIncome *= (float)(1 - e);
            if (h.CouncilTaxArrears > 0) h.PaymentPlan = true;
            addressed |= (1 << (int)NeedDomain.Income) | (1 << (int)NeedDomain.Debt);
        }

        if ((granted & ServiceKinds.Bit(ServiceKind.Housing)) != 0)
        {
            var e = local.Housing.Effect * c.StaffEffectiveness;
            h.HousingArrears *= (float)(1 - e);
            h.NeedHousing *= (float)(1 - e);
            addressed |= 1 << (int)NeedDomain.Housing;
        }

        if ((granted & ServiceKinds.Bit(ServiceKind.MentalHealth)) != 0)
        {
            h.NeedMental *= (float)(1 - local.MentalHealth.Effect);
            addressed |= 1 << (int)NeedDomain.MentalHealth;
        }

        if ((granted & ServiceKinds.Bit(ServiceKind.Vcse)) != 0)
        {
            var e = local.Vcse.Effect * c.VcseCapacity * c.CommissioningValue;
            h.NeedIsolation *= (float)(1 - e);
            h.NeedPhysical *= (float)(1 - e / 3);
            if (h.AskedCrisis)
            {
                // Food for everyone in the household (Trussell counts a parcel per person).
                counters[Counter.FoodParcels] += h.People;
                h.NeedIncome *= (float)(1 - e / 2);
            }
            addressed |= (1 << (int)NeedDomain.Isolation) | (1 << (int)NeedDomain.PhysicalHealth);
        }

        if ((granted & ServiceKinds.Bit(ServiceKind.CrisisFund)) != 0)
        {
            // A cash award meets the month's gap, up to the fund's typical award.
            var award = Math.Min(Math.Max(h.Gap, c.Rates.DestitutionLine(h) - h.Disposable), local.CrisisFund.CostPerContactGbp * c.Rates.PriceIndex);
            award = Math.Max(0, award);
            h.Disposable += (float)award;
            h.Gap = (float)Math.Max(0, h.Gap - award);
            counters[Counter.CrisisAwardPence] += Counter.Pence(award);
            addressed |= 1 << (int)NeedDomain.Income;
        }

        if ((granted & ServiceKinds.Bit(ServiceKind.Jobcentre)) != 0)
            h.JobSupport = true;

        if ((granted & ServiceKinds.Bit(ServiceKind.CouncilTax)) != 0)
            CouncilTaxCollection.Act(ref h, c, counters);

        // Came for crisis help and got neither a crisis award nor food: unmet crisis demand.
        const ushort crisisHelp = (ushort)((1 << (int)ServiceKind.CrisisFund) | (1 << (int)ServiceKind.Vcse));
        if (h.AskedCrisis && (granted & crisisHelp) == 0) counters[Counter.UnmetCrisisRequests]++;

        // Voluntary requests refused this month: a broken promise, and a longer wait.
        const ushort voluntary = (ushort)((1 << (int)ServiceKind.Relational) | (1 << (int)ServiceKind.CrisisFund)
                                          | (1 << (int)ServiceKind.Advice) | (1 << (int)ServiceKind.Housing)
                                          | (1 << (int)ServiceKind.MentalHealth) | (1 << (int)ServiceKind.Vcse));
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
