namespace PlaceSimulation.Sensitivity;

/// <summary>
/// Latin hypercube sampling in [0, 1)^d: each dimension is cut into <c>samples</c> equal strata
/// and every stratum holds exactly one point. Per dimension the strata are assigned to points by
/// an independent random permutation, and each point is placed uniformly at random (jitter)
/// inside its stratum.
/// Reference: M. D. McKay, R. J. Beckman and W. J. Conover, "A comparison of three methods for
/// selecting values of input variables in the analysis of output from a computer code",
/// Technometrics 21 (1979) 239–245.
/// </summary>
public static class LatinHypercube
{
    /// <summary>
    /// <paramref name="samples"/> points of <paramref name="dimensions"/> values each; the same
    /// <paramref name="seed"/> always gives the same design.
    /// </summary>
    public static double[][] Generate(int samples, int dimensions, ulong seed)
    {
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), samples, "must be positive");
        if (dimensions < 1) throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, "must be positive");
        var rng = new SplitMix64(seed);
        var points = new double[samples][];
        for (var i = 0; i < samples; i++) points[i] = new double[dimensions];
        var strata = new int[samples];
        var belowOne = Math.BitDecrement(1.0);
        for (var j = 0; j < dimensions; j++)
        {
            for (var i = 0; i < samples; i++) strata[i] = i;
            rng.Shuffle(strata);
            for (var i = 0; i < samples; i++)
            {
                var u = (strata[i] + rng.NextDouble()) / samples;
                // Rounding could reach the stratum's upper edge; keep the point inside it.
                var edge = (double)(strata[i] + 1) / samples;
                points[i][j] = Math.Min(u, Math.Min(Math.BitDecrement(edge), belowOne));
            }
        }
        return points;
    }
}
