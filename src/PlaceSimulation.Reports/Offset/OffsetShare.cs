using PlaceSimulation.Reports.Tables;

namespace PlaceSimulation.Reports.Offset;

/// <summary>
/// The offset share, 1 − net / local effect: the share of what the local change achieves that
/// the national forces cancel (1: all of it; above 1: the place ends worse off than doing
/// nothing; below 0: the local change achieves more with the national forces than without).
/// Both measures are changes in the metric (positive = higher), so the ratio has the same
/// value whichever way the metric is better.
/// </summary>
/// <remarks>
/// Estimated as a ratio of means over replications, 1 − mean(net) / mean(local effect), because
/// a share per replication explodes whenever one replication's local effect is near zero. Its 90%
/// interval is a seeded percentile bootstrap over replications: resample the replications
/// (keeping each replication's local effect and net together, so common random numbers still
/// pair them), recompute the ratio of means, take the 5th and 95th percentiles. No number is
/// given, and the reason is said, when the mean local effect does not move the metric in its
/// helpful direction (there is nothing to cancel), when its own 90% interval includes zero
/// (a share of noise) or cannot be had (one replication), or when more than 5% of resamples
/// do not help. docs/OFFSET.md explains the choice.
/// </remarks>
public static class OffsetShare
{
    public const int Resamples = 2000;

    public const string MetricUndefined = "the metric is undefined in at least one arm or replication, so no local effect or share can be computed";
    public const string NoHelpfulLocalEffect = "the local change did not move this metric in its helpful direction (down where lower is better, up where higher is better), so there is nothing for national forces to cancel";
    public const string LocalEffectIncludesZero = "the local effect's 90% interval includes zero: the local change's effect cannot be told apart from chance, so a share of it would be a share of noise";
    public const string OneReplication = "one replication: whether the local effect is more than chance cannot be checked, so no share is given (run two or more replications)";

    /// <summary>1 − net / local effect (both changes in the metric, or both oriented the same way: the value is the same).</summary>
    public static double Of(double localEffect, double net) => 1 - net / localEffect;

    /// <summary>
    /// The share from each replication's local effect and net (changes in the metric, positive = higher).
    /// <paramref name="lowerIsBetter"/> says which direction helps; the checks turn on it, the value does not.
    /// </summary>
    public static Estimate Estimate(IReadOnlyList<double> localEffects, IReadOnlyList<double> nets, bool lowerIsBetter, ulong seed, double level = Interval.Level)
    {
        // Oriented so that positive helps: negation is exact, so the share is the same number as 1 − net / local effect.
        var s = OffsetMeasures.Helpful(lowerIsBetter);
        var gains = localEffects.Select(x => s * x).ToArray();
        var n = gains.Length;
        if (n == 0 || gains.Any(double.IsNaN) || nets.Any(double.IsNaN))
            return Offset.Estimate.NoNumber(EstimateStatus.Undefined, MetricUndefined);
        var helped = nets.Select(x => s * x).ToArray();
        var gain = Interval.Of(gains, level);
        if (!(gain.Mean > 0)) return Offset.Estimate.NoNumber(EstimateStatus.Undefined, NoHelpfulLocalEffect);
        if (gain.HasInterval && gain.Lo <= 0) return Offset.Estimate.NoNumber(EstimateStatus.Unstable, LocalEffectIncludesZero);
        if (n == 1) return Offset.Estimate.NoNumber(EstimateStatus.Unstable, OneReplication);
        var mean = Of(gain.Mean, helped.Average());

        var bootstrap = new Bootstrap(seed);
        var shares = new double[Resamples];
        var notPositive = 0;
        for (var b = 0; b < Resamples; b++)
        {
            double g = 0, d = 0;
            for (var i = 0; i < n; i++)
            {
                var r = bootstrap.NextIndex(n);
                g += gains[r];
                d += helped[r];
            }
            g /= n;
            d /= n;
            if (g > 0) shares[b] = Of(g, d);
            else
            {
                // The local change does not help in this resample: the share is beyond any finite value, on the side the net points to.
                notPositive++;
                shares[b] = d <= 0 ? double.PositiveInfinity : double.NegativeInfinity;
            }
        }
        var tail = (1 - level) / 2;
        if (notPositive > tail * Resamples)
            return Offset.Estimate.NoNumber(EstimateStatus.Unstable,
                $"the local effect does not help in {100.0 * notPositive / Resamples:0.#}% of bootstrap resamples, so the share's interval is unbounded");
        Array.Sort(shares);
        var lo = Bootstrap.Quantile(shares, tail);
        var hi = Bootstrap.Quantile(shares, 1 - tail);
        if (double.IsInfinity(lo) || double.IsInfinity(hi))
            return Offset.Estimate.NoNumber(EstimateStatus.Unstable, "the share's bootstrap interval is unbounded");
        return new Estimate(mean, lo, hi, EstimateStatus.Defined, null);
    }
}
