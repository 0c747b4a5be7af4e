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
        var t = StudentT.InvCDF(0, 1, n - 1, 1 - (1 - level) / 2);
        var half = t * sd / Math.Sqrt(n);
        return new Interval(mean, mean - half, mean + half, sd, n);
    }

    public bool HasInterval => !double.IsNaN(Lo);
}
