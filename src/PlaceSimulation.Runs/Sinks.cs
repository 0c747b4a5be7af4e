using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Runs;

/// <summary>
/// Where a run's results go as they arrive. The pipeline calls a sink from one thread at a
/// time, in each job's month order; jobs arrive in any order, so a sink must not depend on it.
/// </summary>
public interface IRunSink
{
    /// <summary>A month of a job has run (burn-in months too: month &lt; 0).</summary>
    void Step(PlaceJob job, int month) { }

    /// <summary>A recorded month of a job (month 0 and on), with its counters.</summary>
    void Month(PlaceJob job, int month, ReadOnlySpan<long> counters) { }

    /// <summary>Every month of the job has arrived.</summary>
    void JobDone(PlaceJob job) { }
}

/// <summary>Collects the counters of every (arm, replication, place, month) for the analyses and the files.</summary>
public sealed class ResultsSink(RunSpec spec) : IRunSink
{
    public RunResults Results { get; } = RunResults.For(spec);

    public void Month(PlaceJob job, int month, ReadOnlySpan<long> counters) =>
        Results.Set(job.Arm, job.Replication, job.PlaceIndex, month, counters);
}

/// <summary>Counts place-months as they run, for a progress bar or a live view to read from any thread.</summary>
public sealed class ProgressSink(RunSpec spec) : IRunSink
{
    private long _done;
    private long _jobsDone;

    public long Total { get; } = (long)spec.Arms.Count * spec.Replications * spec.Places.Count * (spec.Months + spec.BurnInMonths);
    public long Jobs { get; } = (long)spec.Arms.Count * spec.Replications * spec.Places.Count;
    public long Done => Interlocked.Read(ref _done);
    public long JobsDone => Interlocked.Read(ref _jobsDone);

    public void Step(PlaceJob job, int month) => Interlocked.Increment(ref _done);

    public void JobDone(PlaceJob job) => Interlocked.Increment(ref _jobsDone);
}

/// <summary>Several sinks as one, called in order.</summary>
public sealed class Sinks(params IRunSink[] sinks) : IRunSink
{
    public void Step(PlaceJob job, int month)
    {
        foreach (var s in sinks) s.Step(job, month);
    }

    public void Month(PlaceJob job, int month, ReadOnlySpan<long> counters)
    {
        foreach (var s in sinks) s.Month(job, month, counters);
    }

    public void JobDone(PlaceJob job)
    {
        foreach (var s in sinks) s.JobDone(job);
    }
}

/// <summary>A job's recorded months as one block of counters (months × <see cref="Counter.Count"/>).</summary>
internal sealed class JobCounters(PlaceJob job)
{
    public long[] Values { get; } = new long[(long)job.Months * Counter.Count];

    public void Set(int month, ReadOnlySpan<long> counters) => counters.CopyTo(Values.AsSpan(month * Counter.Count, Counter.Count));
}
