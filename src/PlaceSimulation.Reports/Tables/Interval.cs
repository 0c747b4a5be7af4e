using MathNet.Numerics.Distributions;
using PlaceSimulation.Model.Metrics;

namespace PlaceSimulation.Reports.Tables;

/// <summary>
/// The mean of values over replications with a two-sided confidence interval for it
/// (Student's t with n-1 degrees of freedom). With one replication, or any value undefined,
/// there is no interval (Lo and Hi are NaN, written as null).
/// </summary>
public readonly record struct Interval(double Mean, double Lo, double Hi, double Sd, int N)
{
    public const double Level = 0.90;

    public static Interval Of(IReadOnlyList<double> values, double level = Level)
    {
        var n = values.Count;
        if (n == 0 || values.Any(double.IsNaN)) return new Interval(double.NaN, double.NaN, double.NaN, double.NaN, n);
        var mean = values.Average();
        if (n == 1) return new Interval(mean, double.NaN, double.NaN, double.NaN, 1);
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        var t = Quantile(n - 1, level);
        var half = t * sd / Math.Sqrt(n);
        return new Interval(mean, mean - half, mean + half, sd, n);
    }

    public bool HasInterval => !double.IsNaN(Lo);

    /// <summary>
    /// The interval for a metric's level, kept within the values the metric can take. A share
    /// (unit "share of ..." or "0-1") gets a t-interval on the logit scale, back-transformed, so
    /// it stays inside [0, 1] and is wide where the replications disagree (values of exactly 0 or
    /// 1 are taken as 0.001 and 0.999 on that scale); any other metric (every one is a count, a
    /// sum of money or a ratio of them) gets the t-interval with its lower end at no less than 0.
    /// The mean is always the plain mean of the values.
    /// </summary>
    public static Interval OfMetric(IReadOnlyList<double> values, MetricDefinition metric, double level = Level)
    {
        var plain = Of(values, level);
        if (!plain.HasInterval) return plain;
        if (!IsShare(metric)) return plain with { Lo = Math.Max(0, plain.Lo), Hi = Math.Max(0, plain.Hi) };
        var logits = values.Select(v => Logit(Math.Clamp(v, ShareFloor, 1 - ShareFloor))).ToArray();
        var onLogit = Of(logits, level);
        var lo = Math.Min(Expit(onLogit.Lo), plain.Mean);
        var hi = Math.Max(Expit(onLogit.Hi), plain.Mean);
        return plain with { Lo = Math.Clamp(lo, 0, 1), Hi = Math.Clamp(hi, 0, 1) };
    }

    /// <summary>
    /// Below this many simulated households in a place, its shares are too noisy to estimate a
    /// rate (one household more or less moves a share by more than a percentage point): runs say so.
    /// </summary>
    public const int MinHouseholdsForRates = 100;

    /// <summary>The warning for a run with a place too small to estimate rates, or null.</summary>
    public static string? SmallPlaceWarning(PlaceSimulation.Model.Simulation.RunSpec spec)
    {
        var small = spec.Places.Where(p => p.SimulatedHouseholds < MinHouseholdsForRates).Select(p => $"{p.Id} ({p.SimulatedHouseholds.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)})").ToArray();
        return small.Length == 0 ? null
            : $"Too few simulated households to estimate rates in {string.Join(", ", small)}: below {MinHouseholdsForRates} households a place, shares and their intervals are mostly noise; run with more households (--households).";
    }

    /// <summary>Whether a metric is a share bounded by 0 and 1 (by its unit).</summary>
    public static bool IsShare(MetricDefinition metric) =>
        metric.Unit.StartsWith("share", StringComparison.Ordinal) || metric.Unit == "0-1";

    private const double ShareFloor = 0.001;
    private static double Logit(double p) => Math.Log(p / (1 - p));
    private static double Expit(double x) => 1 / (1 + Math.Exp(-x));

    // StudentT.InvCDF solves numerically and is slow; the offset analysis needs it for every metric, place and month.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, double), double> Quantiles = new();

    private static double Quantile(int degreesOfFreedom, double level) =>
        Quantiles.GetOrAdd((degreesOfFreedom, level), k => StudentT.InvCDF(0, 1, k.Item1, 1 - (1 - k.Item2) / 2));
}
