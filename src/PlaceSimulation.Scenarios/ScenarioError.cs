namespace PlaceSimulation.Scenarios;

/// <summary>One problem in an input file: where it is, which field, and what was expected.</summary>
public sealed record ScenarioError(string File, int Line, int Column, string Field, string Message)
{
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}:{Column}: {Field}: {Message}" : $"{File}: {Field}: {Message}";
}

/// <summary>Thrown when an input file is invalid; carries every problem found, not just the first.</summary>
public sealed class ScenarioException(IReadOnlyList<ScenarioError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
{
    public IReadOnlyList<ScenarioError> Errors { get; } = errors;
}
