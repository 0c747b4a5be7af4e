namespace PlaceSimulation.Model.Simulation;

public enum ChangeOp : byte { Set = 0, Scale = 1, Add = 2 }

/// <summary>
/// A lever pulled: from a month of the run on, one parameter is set to a value, scaled by
/// a factor or added to (a reform overlay, as in PolicyEngine). Place is null for changes
/// that apply everywhere. Sequence orders changes that start in the same month (their
/// order in the scenario file, then live changes in the order they were pulled).
/// </summary>
public sealed record ParameterChange(string Path, int FromMonth, ChangeOp Op, double Value, string? Place, int Sequence, string Policy)
{
    public double ApplyTo(double current) => Op switch
    {
        ChangeOp.Set => Value,
        ChangeOp.Scale => current * Value,
        ChangeOp.Add => current + Value,
        _ => throw new InvalidOperationException($"unknown change op {Op}"),
    };

    /// <summary>National parameters (everything outside local.* and place.*) apply in every place.</summary>
    public bool IsLocal => Path.StartsWith("local.", StringComparison.Ordinal) || Path.StartsWith("place.", StringComparison.Ordinal);
}
