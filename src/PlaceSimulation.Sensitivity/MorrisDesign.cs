namespace PlaceSimulation.Sensitivity;

/// <summary>
/// Morris's one-at-a-time design in unit space: <c>trajectories</c> trajectories of d + 1 points
/// on the p-level grid {0, 1/(p−1), …, 1}. Each trajectory starts at a random grid point and
/// moves each factor once, by Δ = p / (2(p − 1)), in a random order and a random direction
/// (up or down), so consecutive points differ in exactly one factor and every value stays in
/// [0, 1]. Rows are trajectory-major: rows t·(d+1) .. t·(d+1)+d belong to trajectory t.
/// Map rows to parameter values with <see cref="ParameterRange.At"/> and analyse the outputs with
/// <see cref="MorrisAnalysis"/>.
/// Reference: M. D. Morris, "Factorial sampling plans for preliminary computational
/// experiments", Technometrics 33 (1991) 161–174.
/// </summary>
public static class MorrisDesign
{
    /// <summary>The design; <paramref name="levels"/> (p) must be even and at least 2.</summary>
    public static double[][] Generate(int trajectories, int dimensions, ulong seed, int levels = 4)
    {
        if (trajectories < 1) throw new ArgumentOutOfRangeException(nameof(trajectories), trajectories, "must be positive");
        if (dimensions < 1) throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, "must be positive");
        if (levels < 2 || levels % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(levels), levels, "must be even and at least 2");

        // In grid-index units the step Δ = p/(2(p−1)) is p/2 indices; a factor's lower point can
        // be any of the first p/2 grid indices so that the upper point is still on the grid.
        var step = levels / 2;
        var rng = new SplitMix64(seed);
        var rows = new double[trajectories * (dimensions + 1)][];
        var order = new int[dimensions];
        var index = new int[dimensions];
        for (var t = 0; t < trajectories; t++)
        {
            var up = new bool[dimensions];
            for (var i = 0; i < dimensions; i++)
            {
                var lower = rng.NextInt(step);
                up[i] = rng.NextInt(2) == 0;
                index[i] = up[i] ? lower : lower + step;
                order[i] = i;
            }
            rng.Shuffle(order);

            var r = t * (dimensions + 1);
            rows[r] = ToUnit(index, levels);
            for (var k = 0; k < dimensions; k++)
            {
                var i = order[k];
                index[i] += up[i] ? step : -step;
                rows[r + k + 1] = ToUnit(index, levels);
            }
        }
        return rows;
    }

    /// <summary>The step Δ = p / (2(p − 1)) of a p-level Morris grid.</summary>
    public static double Delta(int levels) => levels / (2.0 * (levels - 1));

    private static double[] ToUnit(int[] index, int levels)
    {
        var x = new double[index.Length];
        for (var i = 0; i < x.Length; i++) x[i] = (double)index[i] / (levels - 1);
        return x;
    }
}
