namespace PlaceSimulation.Sensitivity;

/// <summary>
/// Sample percentiles by linear interpolation between order statistics — Hyndman and Fan's
/// type 7 (R's default <c>quantile</c>, NumPy's default <c>percentile</c>). Used for bootstrap
/// intervals and fan charts.
/// Reference: R. J. Hyndman and Y. Fan, "Sample quantiles in statistical packages",
/// The American Statistician 50 (1996) 361–365.
/// </summary>
public static class Percentiles
{
    /// <summary>
    /// The <paramref name="p"/>-quantile (p in [0, 1]) of <paramref name="values"/>: with the
    /// values sorted as x[0..n−1] and h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
    /// The input is not modified.
    /// </summary>
    public static double Of(IReadOnlyList<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("no values", nameof(values));
        if (double.IsNaN(p) || p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "must be in [0, 1]");
        var sorted = new double[values.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = values[i];
            if (double.IsNaN(sorted[i])) throw new ArgumentException("values contain NaN", nameof(values));
        }
        Array.Sort(sorted);
        return OfSorted(sorted, p);
    }

    /// <summary>Type-7 quantile of values already sorted ascending.</summary>
    internal static double OfSorted(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1) return sorted[^1];
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
