namespace PlaceSimulation.Sensitivity;

/// <summary>
/// A full factorial grid: every combination of every parameter's levels, in actual parameter
/// values (not unit space). A levelled parameter uses its own Levels; a continuous one uses
/// <c>levels</c> evenly spaced values from Low to High inclusive (a single level means Low). Rows are in lexicographic
/// order with the last parameter varying fastest (like nested loops, first parameter outermost).
/// </summary>
public static class FullFactorial
{
    /// <summary>The grid; its row count is the product of the parameters' level counts.</summary>
    public static double[][] Generate(IReadOnlyList<ParameterRange> parameters, int levels)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0) throw new ArgumentException("no parameters", nameof(parameters));
        var values = new double[parameters.Count][];
        long rows = 1;
        for (var i = 0; i < parameters.Count; i++)
        {
            values[i] = LevelsOf(parameters[i], levels);
            rows *= values[i].Length;
            if (rows > Array.MaxLength) throw new ArgumentException("the grid is too large", nameof(parameters));
        }

        var grid = new double[rows][];
        var index = new int[parameters.Count];
        for (long r = 0; r < rows; r++)
        {
            var row = new double[parameters.Count];
            for (var i = 0; i < row.Length; i++) row[i] = values[i][index[i]];
            grid[r] = row;
            // Odometer step: the last parameter turns fastest.
            for (var i = index.Length - 1; i >= 0; i--)
            {
                if (++index[i] < values[i].Length) break;
                index[i] = 0;
            }
        }
        return grid;
    }

    private static double[] LevelsOf(ParameterRange p, int levels)
    {
        if (p.Levels is not null)
        {
            if (p.Levels.Count == 0) throw new ArgumentException($"parameter '{p.Name}' has an empty list of levels");
            return [.. p.Levels];
        }
        if (levels < 1) throw new ArgumentOutOfRangeException(nameof(levels), levels, "must be positive");
        if (levels == 1) return [p.Low];
        var v = new double[levels];
        for (var k = 0; k < levels; k++) v[k] = p.Low + (p.High - p.Low) * k / (levels - 1);
        v[^1] = p.High; // exact upper end despite rounding
        return v;
    }
}
