namespace PlaceSimulation.Sensitivity;

/// <summary>
/// Elementary-effects (Morris) analysis of a <see cref="MorrisDesign"/>. Each trajectory gives one
/// elementary effect per parameter, EE = (y₂ − y₁) / (x₂ − x₁), from the two consecutive points
/// that differ only in that parameter. For a continuous parameter the step is measured in the
/// parameter's own units (unit step × (High − Low)), so EE is a derivative-like slope; for a
/// levelled parameter it is measured in unit space (±Δ). mu is the mean EE, mu* the mean |EE|
/// (Campolongo, Cariboni and Saltelli 2007) and sigma the sample standard deviation. The 90%
/// interval for mu* is a bootstrap percentile interval (5th and 95th percentiles) over
/// trajectories resampled with replacement.
/// References: M. D. Morris, Technometrics 33 (1991) 161–174; F. Campolongo, J. Cariboni and
/// A. Saltelli, "An effective screening design for sensitivity analysis of large models",
/// Environmental Modelling &amp; Software 22 (2007) 1509–1518.
/// </summary>
public static class MorrisAnalysis
{
    /// <summary>
    /// Indices for <paramref name="parameters"/> (in design column order) from the unit-space
    /// design and its outputs (one per design row). <paramref name="levels"/> must be the p used
    /// for the design: every step is checked to be ±Δ. <paramref name="bootstrap"/> = 0 skips the
    /// interval (Lo = Hi = mu*).
    /// </summary>
    public static IReadOnlyList<MorrisIndex> Analyse(
        IReadOnlyList<ParameterRange> parameters, double[][] unitDesign, double[] outputs,
        int levels = 4, ulong seed = 1, int bootstrap = 1000)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(unitDesign);
        ArgumentNullException.ThrowIfNull(outputs);
        var d = parameters.Count;
        if (d == 0) throw new ArgumentException("no parameters", nameof(parameters));
        if (unitDesign.Length != outputs.Length)
            throw new ArgumentException($"{unitDesign.Length} design rows but {outputs.Length} outputs", nameof(outputs));
        if (unitDesign.Length == 0 || unitDesign.Length % (d + 1) != 0)
            throw new ArgumentException($"design rows must be a positive multiple of d + 1 = {d + 1}", nameof(unitDesign));
        if (bootstrap < 0) throw new ArgumentOutOfRangeException(nameof(bootstrap), bootstrap, "must not be negative");
        var delta = MorrisDesign.Delta(levels);

        var r = unitDesign.Length / (d + 1);
        var ee = new double[d][]; // ee[i][t]: effect of parameter i in trajectory t
        for (var i = 0; i < d; i++) ee[i] = new double[r];
        for (var t = 0; t < r; t++)
        {
            var seen = new bool[d];
            for (var k = 1; k <= d; k++)
            {
                var row = t * (d + 1) + k;
                var (a, b) = (unitDesign[row - 1], unitDesign[row]);
                if (a.Length != d || b.Length != d) throw new ArgumentException($"design row {row} does not have {d} columns", nameof(unitDesign));
                var changed = -1;
                for (var i = 0; i < d; i++)
                {
                    if (a[i] == b[i]) continue;
                    if (changed >= 0) throw new ArgumentException($"rows {row - 1} and {row} differ in more than one factor", nameof(unitDesign));
                    changed = i;
                }
                if (changed < 0 || seen[changed])
                    throw new ArgumentException($"trajectory {t} does not move each factor exactly once", nameof(unitDesign));
                seen[changed] = true;
                var dx = b[changed] - a[changed];
                if (Math.Abs(Math.Abs(dx) - delta) > 1e-9)
                    throw new ArgumentException($"step {dx} in row {row} is not ±Δ = {delta} for {levels} levels", nameof(levels));
                var p = parameters[changed];
                var step = p.IsLevelled ? dx : dx * (p.High - p.Low);
                ee[changed][t] = (outputs[row] - outputs[row - 1]) / step;
            }
        }

        var rng = new SplitMix64(seed);
        var draws = new int[bootstrap][];
        for (var b = 0; b < bootstrap; b++)
        {
            draws[b] = new int[r];
            for (var t = 0; t < r; t++) draws[b][t] = rng.NextInt(r);
        }

        var result = new MorrisIndex[d];
        for (var i = 0; i < d; i++)
        {
            var e = ee[i];
            double sum = 0, sumAbs = 0;
            foreach (var x in e) { sum += x; sumAbs += Math.Abs(x); }
            var mu = sum / r;
            var muStar = sumAbs / r;
            var sigma = double.NaN;
            if (r > 1)
            {
                double ss = 0;
                foreach (var x in e) ss += (x - mu) * (x - mu);
                sigma = Math.Sqrt(ss / (r - 1));
            }
            double lo = muStar, hi = muStar;
            if (bootstrap > 0)
            {
                var boot = new double[bootstrap];
                for (var b = 0; b < bootstrap; b++)
                {
                    double s = 0;
                    foreach (var t in draws[b]) s += Math.Abs(e[t]);
                    boot[b] = s / r;
                }
                Array.Sort(boot);
                lo = Percentiles.OfSorted(boot, 0.05);
                hi = Percentiles.OfSorted(boot, 0.95);
            }
            result[i] = new MorrisIndex(parameters[i].Name, mu, muStar, sigma, lo, hi);
        }
        return result;
    }
}
