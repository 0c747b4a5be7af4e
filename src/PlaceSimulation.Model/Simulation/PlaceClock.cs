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

    /// <summary>
    /// The clock of <paramref name="job"/> forked from another job's clock that stands at
    /// <paramref name="month"/> (the steps before it shared, <see cref="SharedSteps"/>): it
    /// goes on from that month with the other's signals and its own levers.
    /// </summary>
    public PlaceClock(PlaceJob job, int month, PlaceSignals signals) : this(job)
    {
        if (month < job.FirstMonth || month >= job.Months) throw new ArgumentOutOfRangeException(nameof(month), $"a fork of {job} must be at a month it runs, not {month}");
        if (job.Changes.Any(c => c.FromMonth < month))
            throw new ArgumentException($"{job} has a lever before month {month}, so it cannot start from another job's month {month}");
        Month = month;
        Signals = signals;
    }

    /// <summary>
    /// Jobs of one replication and place run the same months until the first lever any of them
    /// pulls: the months before it depend on nothing an arm changes (the
    /// burn-in runs on the base parameters, and every draw is keyed by seed, replication,
    /// household, month and stream, never by arm). So those months can be run once and the
    /// jobs forked from there. This is how many steps they share; 0 when they are not
    /// jobs of one replication and place of one run, and never the last month.
    /// </summary>
    public static int SharedSteps(IReadOnlyList<PlaceJob> jobs)
    {
        if (jobs.Count < 2) return 0;
        var first = jobs[0];
        if (jobs.Any(j => !SameUntilLevers(j, first))) return 0;
        var diverge = jobs.SelectMany(j => j.Changes).Select(c => c.FromMonth).DefaultIfEmpty(first.Months - 1).Min();
        return Math.Clamp(diverge, first.FirstMonth, first.Months - 1) - first.FirstMonth;
    }

    /// <summary>What stops <paramref name="to"/> starting from <paramref name="from"/> as it stands before <paramref name="month"/>, or null.</summary>
    public static string? ForkProblem(PlaceJob from, int month, PlaceJob to)
    {
        if (!SameUntilLevers(from, to)) return $"{to} is not the same place, replication and run as {from}";
        if (month < from.FirstMonth || month >= from.Months) return $"month {month} is not a month {from} runs";
        if (from.Changes.Concat(to.Changes).FirstOrDefault(c => c.FromMonth < month) is { } lever)
            return $"a lever on {lever.Path} starts at month {lever.FromMonth}, before month {month}, so the two jobs have not run the same months";
        return null;
    }

    /// <summary>Whether two jobs are the same place, replication and run up to their levers.</summary>
    public static bool SameUntilLevers(PlaceJob a, PlaceJob b) =>
        a.Replication == b.Replication && a.PlaceIndex == b.PlaceIndex && a.Start == b.Start && a.Months == b.Months
        && a.BurnInMonths == b.BurnInMonths && a.Seed == b.Seed && a.HouseholdsPerGrain == b.HouseholdsPerGrain
        && (ReferenceEquals(a.Place, b.Place)
            || a.Place.Id == b.Place.Id && a.Place.StreamId == b.Place.StreamId && a.Place.SimulatedHouseholds == b.Place.SimulatedHouseholds
               && Parameters.ParameterSchema.Instance.ToVector(a.Place.BaseParameters).AsSpan().SequenceEqual(Parameters.ParameterSchema.Instance.ToVector(b.Place.BaseParameters)));

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
