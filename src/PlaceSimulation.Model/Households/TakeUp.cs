using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Randomness;

namespace PlaceSimulation.Model.Households;

/// <summary>
/// Benefit take-up below 100%: an entitled household that is not claiming starts to claim
/// with a monthly probability that grows with its trust in services (Policy in Practice
/// 2024: £22.7bn a year of means-tested support unclaimed). Advice and caseworkers make a
/// claim happen at once (see ServiceEffects). Pension Credit take-up is set at the start
/// (DWP take-up estimates: 65% of entitled families, FYE 2023).
/// </summary>
public static class TakeUp
{
    public static void Step(ref Household h, ulong key, BehaviourParameters b)
    {
        if (h.Claims || h.Pensioner || h.UcEntitlement <= 0) return;
        var p = b.TakeUpMonthly * TrustFactor(h, b);
        if (CounterRng.Chance(key, RandomStream.TakeUp, p)) h.Claims = true;
    }

    /// <summary>How much trust in services scales a household's readiness to ask: 1 at full trust [001].</summary>
    public static double TrustFactor(in Household h, BehaviourParameters b) => 1 - b.TrustWeight + b.TrustWeight * h.Trust;
}
