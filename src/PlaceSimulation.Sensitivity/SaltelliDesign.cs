namespace PlaceSimulation.Sensitivity;

/// <summary>
/// Saltelli's design for first- and total-order Sobol indices, in unit space. Points of a Sobol
/// sequence with 2d columns (skipping the first <c>skip</c> points; the default skips the origin)
/// give two independent base matrices: A_j = columns 1..d and B_j = columns d+1..2d of point j.
/// AB_j^i is A_j with column i taken from B_j.
/// <para>Row order (N × (d + 2) rows): for each base sample j = 0..N−1, in turn, A_j, then
/// AB_j^1, …, AB_j^d, then B_j — so row j·(d+2) is A_j, row j·(d+2)+i is AB_j^i (i = 1..d) and
/// row j·(d+2)+d+1 is B_j. <see cref="SobolAnalysis"/> expects outputs in this order.</para>
/// Reference: A. Saltelli, P. Annoni, I. Azzini, F. Campolongo, M. Ratto and S. Tarantola,
/// "Variance based sensitivity analysis of model output. Design and estimator for the total
/// sensitivity index", Comput. Phys. Commun. 181 (2010) 259–270.
/// </summary>
public static class SaltelliDesign
{
    /// <summary>
    /// The design for <paramref name="baseSamples"/> (N) base samples of
    /// <paramref name="dimensions"/> (d) parameters; d is at most half the Sobol dimensions
    /// supported (<see cref="SobolSequence.MaxDimensions"/>). N a power of two keeps the Sobol
    /// points balanced.
    /// </summary>
    public static double[][] Generate(int baseSamples, int dimensions, int skip = 1)
    {
        if (baseSamples < 1) throw new ArgumentOutOfRangeException(nameof(baseSamples), baseSamples, "must be positive");
        if (dimensions < 1 || 2 * dimensions > SobolSequence.MaxDimensions)
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, $"must be in 1..{SobolSequence.MaxDimensions / 2}");
        var d = dimensions;
        var sobol = SobolSequence.Generate(baseSamples, 2 * d, skip);
        var rows = new double[baseSamples * (d + 2)][];
        for (var j = 0; j < baseSamples; j++)
        {
            var p = sobol[j];
            var a = p[..d];
            var b = p[d..];
            var r = j * (d + 2);
            rows[r] = a;
            for (var i = 0; i < d; i++)
            {
                var ab = (double[])a.Clone();
                ab[i] = b[i];
                rows[r + 1 + i] = ab;
            }
            rows[r + d + 1] = b;
        }
        return rows;
    }
}
