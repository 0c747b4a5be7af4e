namespace PlaceSimulation.Sensitivity;

/// <summary>
/// First- and total-order Sobol indices from outputs of a <see cref="SaltelliDesign"/>, using the
/// estimators recommended by Saltelli et al. (2010), Comput. Phys. Commun. 181:259–270, Table 2:
/// first order S_i = mean_j[ f(B)_j · (f(AB^i)_j − f(A)_j) ] / V, and Jansen's total order
/// S_Ti = ½ mean_j[ (f(A)_j − f(AB^i)_j)² ] / V, where V is the (population) variance of the
/// outputs at A and B together. The 90% intervals are bootstrap percentile intervals (5th and
/// 95th percentiles) over base samples j resampled with replacement, each replicate recomputing V.
/// Estimates are not clipped to [0, 1]; small negative values mean "indistinguishable from 0".
/// </summary>
public static class SobolAnalysis
{
    /// <summary>
    /// Indices for <paramref name="names"/> (d parameters, in design column order) from
    /// <paramref name="outputs"/> in the design's row order (N × (d + 2) values).
    /// <paramref name="bootstrap"/> = 0 skips the intervals (Lo = Hi = estimate).
    /// </summary>
    public static IReadOnlyList<SobolIndex> Analyse(
        IReadOnlyList<string> names, double[] outputs, int baseSamples, ulong seed = 1, int bootstrap = 1000)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(outputs);
        var d = names.Count;
        if (d == 0) throw new ArgumentException("no parameters", nameof(names));
        if (baseSamples < 2) throw new ArgumentOutOfRangeException(nameof(baseSamples), baseSamples, "must be at least 2");
        if (outputs.Length != baseSamples * (d + 2))
            throw new ArgumentException($"expected N·(d+2) = {baseSamples * (d + 2)} outputs, got {outputs.Length}", nameof(outputs));
        if (bootstrap < 0) throw new ArgumentOutOfRangeException(nameof(bootstrap), bootstrap, "must not be negative");

        var n = baseSamples;
        var all = new int[n];
        for (var j = 0; j < n; j++) all[j] = j;
        var (first, total) = Estimate(outputs, d, all);

        var bootFirst = new double[d][];
        var bootTotal = new double[d][];
        for (var i = 0; i < d; i++) { bootFirst[i] = new double[bootstrap]; bootTotal[i] = new double[bootstrap]; }
        var rng = new SplitMix64(seed);
        var sample = new int[n];
        for (var b = 0; b < bootstrap; b++)
        {
            for (var j = 0; j < n; j++) sample[j] = rng.NextInt(n);
            var (f, t) = Estimate(outputs, d, sample);
            for (var i = 0; i < d; i++) { bootFirst[i][b] = f[i]; bootTotal[i][b] = t[i]; }
        }

        var result = new SobolIndex[d];
        for (var i = 0; i < d; i++)
        {
            double fLo = first[i], fHi = first[i], tLo = total[i], tHi = total[i];
            if (bootstrap > 0)
            {
                Array.Sort(bootFirst[i]);
                Array.Sort(bootTotal[i]);
                fLo = Percentiles.OfSorted(bootFirst[i], 0.05);
                fHi = Percentiles.OfSorted(bootFirst[i], 0.95);
                tLo = Percentiles.OfSorted(bootTotal[i], 0.05);
                tHi = Percentiles.OfSorted(bootTotal[i], 0.95);
            }
            result[i] = new SobolIndex(names[i], first[i], fLo, fHi, total[i], tLo, tHi);
        }
        return result;
    }

    /// <summary>Both estimators over the base samples listed in <paramref name="js"/>.</summary>
    private static (double[] First, double[] Total) Estimate(double[] y, int d, int[] js)
    {
        var stride = d + 2;
        // Two passes (mean, then squared deviations) to avoid cancellation when the mean is large.
        double sum = 0, sumSq = 0;
        foreach (var j in js) sum += y[j * stride] + y[j * stride + d + 1];
        var m = 2.0 * js.Length;
        var mean = sum / m;
        foreach (var j in js)
        {
            var da = y[j * stride] - mean;
            var db = y[j * stride + d + 1] - mean;
            sumSq += da * da + db * db;
        }
        var variance = sumSq / m;

        var first = new double[d];
        var total = new double[d];
        for (var i = 0; i < d; i++)
        {
            double s1 = 0, st = 0;
            foreach (var j in js)
            {
                var fa = y[j * stride];
                var fab = y[j * stride + 1 + i];
                var fb = y[j * stride + d + 1];
                s1 += fb * (fab - fa);
                st += (fa - fab) * (fa - fab);
            }
            first[i] = s1 / js.Length / variance;
            total[i] = 0.5 * st / js.Length / variance;
        }
        return (first, total);
    }
}
