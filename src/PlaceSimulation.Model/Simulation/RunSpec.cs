using PlaceSimulation.Model.Calendar;
using PlaceSimulation.Model.Parameters;

namespace PlaceSimulation.Model.Simulation;

/// <summary>
/// A place in a run: its base parameters (defaults, preset, overrides) and its simulated
/// sample. <paramref name="StreamId"/> names the place's random streams when it is not its id:
/// a sweep runs one place as many variants (one per sample point), and they share the
/// place's households and draws (common random numbers).
/// </summary>
public sealed record PlaceSpec(string Id, string Label, ModelParameters BaseParameters, int SimulatedHouseholds, string? StreamId = null)
{
    /// <summary>Real households each simulated household stands for.</summary>
    public double Weight => BaseParameters.Place.Households / SimulatedHouseholds;

    /// <summary>The place's key for counter-based randomness: a hash of its id, so adding a place never moves another's numbers.</summary>
    public ulong Key => PlaceKeys.Of(StreamId ?? Id);
}

/// <summary>An arm: one combination of policies (dated parameter changes).</summary>
public sealed record ArmSpec(string Name, IReadOnlyList<string> Policies, IReadOnlyList<ParameterChange> Changes);

/// <summary>
/// Everything needed to run a scenario: the compiled, validated form of a scenario file.
/// Arms × replications × places, each place run month by month from Start for Months
/// months after BurnInMonths unrecorded months that let debts, arrears and needs settle.
/// </summary>
public sealed record RunSpec(
    string Name,
    YearMonth Start,
    int Months,
    int BurnInMonths,
    ulong Seed,
    int Replications,
    IReadOnlyList<PlaceSpec> Places,
    IReadOnlyList<ArmSpec> Arms,
    int HouseholdsPerGrain)
{
    public long TotalHouseholds => Places.Sum(p => (long)p.SimulatedHouseholds);

    public YearMonth MonthAt(int month) => Start.AddMonths(month);

    /// <summary>
    /// The run's jobs, one per arm, replication and place, in the order results are written
    /// (arm, then replication, then place). Every host of a run takes its work from here.
    /// </summary>
    public IEnumerable<PlaceJob> Jobs()
    {
        for (var a = 0; a < Arms.Count; a++)
        for (var r = 0; r < Replications; r++)
        for (var p = 0; p < Places.Count; p++)
            yield return PlaceJob.Of(this, a, r, p);
    }
}

public static class PlaceKeys
{
    /// <summary>FNV-1a of the id, then mixed: a stable 64-bit key per place id.</summary>
    public static ulong Of(string id)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var ch in id)
        {
            h ^= ch;
            h *= 0x100000001B3UL;
        }
        return Randomness.CounterRng.Mix(h);
    }
}
