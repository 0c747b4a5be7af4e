using System.Runtime.CompilerServices;
using PlaceSimulation.Model.Households;
using PlaceSimulation.Model.Metrics;

namespace PlaceSimulation.Model.Services;

/// <summary>
/// What the council tax collection team does with an arrears case it reaches [Studdert, New Local].
/// Enforcement: a liability order and enforcement agent (bailiff) fees are added and the
/// arrears become a debt to the enforcement agent (Taking Control of Goods (Fees)
/// Regulations 2014: £75 compliance + £235 enforcement stage); the household's mental
/// health and trust suffer. Supportive collection (Gateshead's prototype, Studdert, New Local): the
/// arrears are a trigger for a conversation: an affordable payment plan, no fees, and a
/// referral on to help with money and debt next month.
/// </summary>
public static class CouncilTaxCollection
{
    public static void Act(ref Household h, in EffectContext c, long[] counters)
    {
        var rules = c.Parameters.Local.CouncilTaxRules;
        if (c.Parameters.Local.SystemsChange.SupportiveCouncilTax >= 0.5)
        {
            h.PaymentPlan = true;
            h.ReferredOn = true;
            counters[Counter.PaymentPlans]++;
            return;
        }
        h.Debt += h.CouncilTaxArrears + (float)rules.EnforcementFeeGbp;
        h.CouncilTaxArrears = 0;
        h.NeedMental = (float)Math.Min(1, h.NeedMental + c.Parameters.Behaviour.EnforcementMentalHealthHit);
        h.Trust = Math.Max(0, h.Trust - (float)c.Parameters.Behaviour.EnforcementTrustLoss);
        counters[Counter.EnforcementActions]++;
    }

    /// <summary>
    /// On a payment plan a twelfth of the arrears (at least £10) is due each month, paid
    /// from the household's budget; returns the instalment, £.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double PlanInstalment(ref Household h)
    {
        if (!h.PaymentPlan) return 0;
        var instalment = Math.Min(h.CouncilTaxArrears, Math.Max(10f, h.CouncilTaxArrears / 12f));
        h.CouncilTaxArrears -= instalment;
        if (h.CouncilTaxArrears <= 1)
        {
            h.CouncilTaxArrears = 0;
            h.PaymentPlan = false;
        }
        return instalment;
    }
}
