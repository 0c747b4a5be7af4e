using PlaceSimulation.Model.Randomness;

namespace PlaceSimulation.Reports.Offset;

/// <summary>
/// Resampling of replications with replacement for percentile bootstrap intervals
/// (Efron and Tibshirani 1993, ch. 13). The draws come from a SplitMix64 stream on a seed
/// derived from the run's seed, so the same run always gives the same interval.
/// </summary>
public sealed class Bootstrap(ulong seed)
{
    private ulong _state = CounterRng.Mix(seed ^ 0x5DEECE66DUL);

    /// <summary>A replication index in [0, n), uniform.</summary>
    public int NextIndex(int n)
    {
        _state += 0x9E3779B97F4A7C15UL;
        var bits = CounterRng.Mix(_state);
        return (int)(((UInt128)bits * (uint)n) >> 64);
    }

    /// <summary>The p-quantile of sorted values by linear interpolation between order statistics (Hyndman and Fan type 7); infinite neighbours give the infinite value.</summary>
    public static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        var a = sorted[lo];
        var b = sorted[hi];
        if (double.IsInfinity(a) || double.IsInfinity(b) || lo == hi) return h - lo < 0.5 ? a : b;
        return a + (h - lo) * (b - a);
    }
}
