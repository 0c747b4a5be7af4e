using System.Runtime.CompilerServices;
using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Randomness;

namespace PlaceSimulation.Model.Households;

/// <summary>
/// Benefit sanctions [CLES; Studdert, New Local]. A claimant with work-search requirements (working age,
/// claiming, fit for work, an adult not in work) is sanctioned with a monthly probability
/// (DWP Benefit Sanctions Statistics: about 55,600 new UC sanctions a month on about 2.1
/// million sanctionable claimants, 2.6% a month, 2024; most for a missed appointment), raised
/// for people in mental distress, for whom appointments are hardest to keep. A sanction
/// lasts on average the set number of months, removes the set share of the standard
/// allowance (100% for most adults) and costs trust in services: the deficit model that
/// "rubs up against" local relational work [Studdert, New Local].
/// </summary>
public static class Sanctions
{
    /// <summary>
    /// Work-search requirements apply to a working-age claimant fit for work with an adult
    /// out of work whose benefit unit earns below the Administrative Earnings Threshold
    /// (above it, the light-touch regime has no requirements and no sanctions). Earnings are
    /// last month's take-home pay of the household's adults.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool InConditionality(in Household h, in MonthRates r) =>
        !h.Pensioner && h.Claims && !h.Lcwra && h.UcEntitlement > 0 && h.AdultsWorking < h.Adults
        && h.NetEarnings < (h.Adults > 1 ? r.EarningsThresholdCouple : r.EarningsThresholdSingle);

    /// <summary><see cref="InConditionality"/> as 0 or 1, worked out with no branches (for counting).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Conditionality(in Household h, in MonthRates r)
    {
        var threshold = h.Adults > 1 ? r.EarningsThresholdCouple : r.EarningsThresholdSingle;
        return Metrics.CounterTally.Of(!h.Pensioner) & Metrics.CounterTally.Of(h.Claims) & Metrics.CounterTally.Of(!h.Lcwra)
            & Metrics.CounterTally.Of(h.UcEntitlement > 0) & Metrics.CounterTally.Of(h.AdultsWorking < h.Adults)
            & Metrics.CounterTally.Of(h.NetEarnings < threshold);
    }

    /// <summary>Returns true when a new sanction starts this month.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Step(ref Household h, ulong key, SanctionParameters s, BehaviourParameters b, in MonthRates r)
    {
        if (h.SanctionMonths > 0)
        {
            h.SanctionMonths--;
            return false;
        }
        if (!InConditionality(h, r)) return false;
        var p = s.MonthlyRate * (1 + s.MentalHealthRiskMultiplier * h.NeedMental);
        if (!CounterRng.Chance(key, RandomStream.Sanction, p)) return false;
        var months = s.LengthMonths * (0.5 + CounterRng.Uniform(key, RandomStream.SanctionLength));
        h.SanctionMonths = (byte)Math.Clamp(Math.Round(months), 1, 36);
        h.Trust = Math.Max(0, h.Trust - (float)b.SanctionTrustLoss);
        h.NeedMental = (float)Math.Min(1, h.NeedMental + b.SanctionMentalHealthHit);
        return true;
    }
}
