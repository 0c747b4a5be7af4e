using PlaceSimulation.Reports.Tables;

namespace PlaceSimulation.Reports.Offset;

/// <summary>
/// The offset share, 1 − net / G: the share of the local gain G that the national forces
/// cancel (1: all of it; above 1: the place ends worse off than doing nothing; below 0:
/// the local change achieves more with the national forces than without).
/// </summary>
/// <remarks>
/// Estimated as a ratio of means over replications, 1 − mean(net) / mean(G), because a
/// share per replication explodes whenever one replication's G is near zero. Its 90%
/// interval is a seeded percentile bootstrap over replications: resample the replications
/// (keeping each replication's G and net together, so common random numbers still pair
/// them), recompute the ratio of means, take the 5th and 95th percentiles. No number is
/// given, and the reason is said, when the mean G is not positive (there is no gain to
/// cancel), when G's own 90% interval includes zero (a share of noise) or cannot be had (one
/// replication), or when more than 5% of resamples have no positive gain. docs/OFFSET.md
/// explains the choice.
/// </remarks>
public static class OffsetShare
{
    public const int Resamples = 2000;

    public const string MetricUndefined = "the metric is undefined in at least one arm or replication, so no gain or share can be computed";
    public const string GainNotPositive = "the local change did not improve this metric (the local gain is not positive), so there is no gain for national forces to cancel";
    public const string GainIncludesZero = "the local gain's 90% interval includes zero: the local change's effect cannot be told apart from chance, so a share of it would be a share of noise";
    public const string OneReplication = "one replication: whether the local gain is more than chance cannot be checked, so no share is given (run two or more replications)";

    public static double Of(double gain, double net) => 1 - net / gain;

    public static Estimate Estimate(IReadOnlyList<double> gains, IReadOnlyList<double> nets, ulong seed, double level = Interval.Level)
    {
        var n = gains.Count;
        if (n == 0 || gains.Any(double.IsNaN) || nets.Any(double.IsNaN))
            return Offset.Estimate.NoNumber(EstimateStatus.Undefined, MetricUndefined);
        var gain = Interval.Of(gains, level);
        if (!(gain.Mean > 0)) return Offset.Estimate.NoNumber(EstimateStatus.Undefined, GainNotPositive);
        if (gain.HasInterval && gain.Lo <= 0) return Offset.Estimate.NoNumber(EstimateStatus.Unstable, GainIncludesZero);
        if (n == 1) return Offset.Estimate.NoNumber(EstimateStatus.Unstable, OneReplication);
        var mean = Of(gain.Mean, nets.Average());

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
                d += nets[r];
            }
            g /= n;
            d /= n;
            if (g > 0) shares[b] = Of(g, d);
            else
            {
                // No gain in this resample: the share is beyond any finite value, on the side the net points to.
                notPositive++;
                shares[b] = d <= 0 ? double.PositiveInfinity : double.NegativeInfinity;
            }
        }
        var tail = (1 - level) / 2;
        if (notPositive > tail * Resamples)
            return Offset.Estimate.NoNumber(EstimateStatus.Unstable,
                $"the local gain is not positive in {100.0 * notPositive / Resamples:0.#}% of bootstrap resamples, so the share's interval is unbounded");
        Array.Sort(shares);
        var lo = Bootstrap.Quantile(shares, tail);
        var hi = Bootstrap.Quantile(shares, 1 - tail);
        if (double.IsInfinity(lo) || double.IsInfinity(hi))
            return Offset.Estimate.NoNumber(EstimateStatus.Unstable, "the share's bootstrap interval is unbounded");
        return new Estimate(mean, lo, hi, EstimateStatus.Defined, null);
    }
}
