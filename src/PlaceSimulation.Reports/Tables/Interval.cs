using MathNet.Numerics.Distributions;

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

    // StudentT.InvCDF solves numerically and is slow; the offset analysis needs it for every metric, place and month.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, double), double> Quantiles = new();

    private static double Quantile(int degreesOfFreedom, double level) =>
        Quantiles.GetOrAdd((degreesOfFreedom, level), k => StudentT.InvCDF(0, 1, k.Item1, 1 - (1 - k.Item2) / 2));
}
