using System.Runtime.CompilerServices;
using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Randomness;

namespace PlaceSimulation.Model.Households;

/// <summary>
/// Benefit take-up below 100%: a claim ends when entitlement ends (HouseholdIncome); an entitled household
/// that is not claiming starts to claim with a monthly probability that grows with its
/// trust in services and with the size of its entitlement (small amounts go unclaimed
/// most: Policy in Practice, Missing Out 2024: £22.7bn a year of means-tested support
/// unclaimed). Advice and caseworkers make a claim happen at once (see ServiceEffects).
/// Pension Credit take-up is set at the start (DWP take-up estimates: 65% of entitled
/// families, FYE 2023) and changed only by advice.
/// </summary>
public static class TakeUp
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Step(ref Household h, ulong key, BehaviourParameters b)
    {
        // Last month's entitlement: a claim that lost it has already ended (HouseholdIncome).
        if (h.Pensioner || h.Claims || h.UcEntitlement <= 0) return;
        var p = b.TakeUpMonthly * TrustFactor(h, b) * Math.Min(1, h.UcEntitlement / b.TakeUpFullAmountGbpMonth);
        if (CounterRng.Chance(key, RandomStream.TakeUp, p))
        {
            h.Claims = true;
            h.NewClaim = true;
        }
    }

    /// <summary>How much trust in services scales a household's readiness to ask: 1 at full trust [Studdert, New Local].</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static double TrustFactor(in Household h, BehaviourParameters b) => 1 - b.TrustWeight + b.TrustWeight * h.Trust;
}
