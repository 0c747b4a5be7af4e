namespace PlaceSimulation.Sensitivity;

/// <summary>
/// A parameter varied in a sensitivity analysis: either a continuous range [Low, High] or, when
/// <paramref name="Levels"/> is given, a set of discrete levels (for example grid levels or
/// categorical choices coded as numbers). Designs work in the unit hypercube; <see cref="At"/>
/// maps a unit value to the parameter's value.
/// </summary>
/// <param name="Name">The parameter's name, as reported in the indices.</param>
/// <param name="Low">Lower end of a continuous range.</param>
/// <param name="High">Upper end of a continuous range.</param>
/// <param name="Levels">Discrete levels; when present, Low and High are ignored by <see cref="At"/>.</param>
public sealed record ParameterRange(string Name, double Low, double High, IReadOnlyList<double>? Levels = null)
{
    /// <summary>Whether this parameter takes discrete levels rather than a continuous range.</summary>
    public bool IsLevelled => Levels is not null;

    /// <summary>
    /// The parameter value at unit value <paramref name="u"/> in [0, 1]: Low + u·(High − Low) for a
    /// continuous range; Levels[floor(u · Levels.Count)] for a levelled one (u = 1, which Morris
    /// grids reach, maps to the last level).
    /// </summary>
    public double At(double u)
    {
        if (double.IsNaN(u) || u < 0 || u > 1)
            throw new ArgumentOutOfRangeException(nameof(u), u, "unit value must be in [0, 1]");
        if (Levels is null) return Low + u * (High - Low);
        if (Levels.Count == 0) throw new InvalidOperationException($"parameter '{Name}' has an empty list of levels");
        var i = (int)Math.Floor(u * Levels.Count);
        return Levels[Math.Min(i, Levels.Count - 1)];
    }
}
