using PlaceSimulation.Model.Places;

namespace PlaceSimulation.Model.Simulation;

/// <summary>
/// Time for one place in one arm and replication: which month comes next, the place's
/// signals, and its parameter timeline. Months before 0 are burn-in: run, not recorded.
/// Both hosts (the pure loop and the place grain) step a place through this.
/// </summary>
public sealed class PlaceClock
{
    private readonly PlaceJob _job;
    private readonly PlaceSpec _place;
    private readonly ulong _replicationKey;

    public PlaceClock(PlaceJob job) : this(job, job.Timeline())
    {
    }

    public PlaceClock(PlaceJob job, ParameterTimeline timeline)
    {
        _job = job;
        _place = job.Place;
        Timeline = timeline;
        _replicationKey = Randomness.CounterRng.ReplicationKey(job.Seed, job.Replication);
        Month = job.FirstMonth;
    }

    public ParameterTimeline Timeline { get; private set; }

    /// <summary>Replaces the timeline (a lever was pulled mid-run); months already run are unchanged.</summary>
    public void UseTimeline(ParameterTimeline timeline) => Timeline = timeline;

    /// <summary>The next month to run (negative during burn-in).</summary>
    public int Month { get; private set; }

    public PlaceSignals Signals { get; private set; } = PlaceSignals.Initial;

    public bool Finished => Month >= _job.Months;

    public ulong ReplicationKey => _replicationKey;

    /// <summary>The context of the next month: phase 1, the levers in force.</summary>
    public MonthContext NextContext() =>
        new(Month, _job.MonthAt(Month), Timeline.For(Month), Signals, _replicationKey, _place.Key, _place.Weight);

    public async Task<PlaceMonthResult> StepAsync(IPlaceRuntime runtime)
    {
        if (Finished) throw new InvalidOperationException($"place {_place.Id} has already run all {_job.Months} months");
        var ctx = NextContext();
        var result = await MonthlyTick.RunAsync(runtime, ctx, _job.MonthAt(Month + 1));
        Signals = result.NextSignals;
        Month++;
        return result;
    }
}
