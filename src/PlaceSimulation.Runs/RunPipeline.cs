using System.Diagnostics;
using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Runs;

/// <summary>How hard the pipeline tries before a job, and so the run, is given up.</summary>
/// <param name="MaxAttempts">attempts at one job, the first included</param>
/// <param name="RetryWindow">time from a job's first fault after which it is not tried again</param>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan RetryWindow)
{
    /// <summary>
    /// Enough to outlast Orleans declaring a dead silo dead (about 15-30 s with its default
    /// probes), after which new attempts are placed on the silos that remain.
    /// </summary>
    public static RetryPolicy Default { get; } = new(8, TimeSpan.FromMinutes(2));

    /// <summary>Waits between attempts: 1, 2, 4, then 5 s.</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(5, 1 << Math.Min(attempt - 1, 3)));
}

/// <summary>What a run did, beside its results (which went to the sinks).</summary>
/// <param name="Silos">silos active when it started (1 in this process)</param>
/// <param name="Seconds">wall time of the simulation</param>
/// <param name="JobsResumed">jobs taken from the journal of an interrupted run</param>
/// <param name="JobsRerun">attempts that were run again after a fault</param>
public sealed record RunOutcome(string Engine, int Silos, double Seconds, int Jobs, int JobsResumed, int JobsRerun);

/// <summary>The run could not be completed; the message is one plain sentence.</summary>
public sealed class RunFailedException(string message) : Exception(message);

/// <summary>
/// The run pipeline, written once: the jobs of a run (<see cref="RunSpec.Jobs"/>) run on an
/// engine a few at a time, each job's months stream to the sinks as they finish, and a job
/// that fails (its silo died, its grains were collected, a call timed out) is run again from
/// its start under a new key. Jobs are deterministic, so the months a failed attempt had
/// already delivered are not delivered twice: the new attempt's months are checked against
/// them (a difference fails the run) and only the months after them go on. The outputs are
/// therefore byte for byte those of a run with no fault.
/// </summary>
public static class RunPipeline
{
    public static async Task<RunOutcome> RunAsync(RunSpec spec, IRunEngine engine, IRunSink sink, RunJournal? journal = null,
        RetryPolicy? retry = null, Action<string>? note = null, CancellationToken cancel = default)
    {
        retry ??= RetryPolicy.Default;
        // The silos check each job again; checking here first refuses a run no silo could run, before any starts.
        if (Scenarios.RunChecks.Run(spec) is [var problem, ..]) throw new RunFailedException($"the run cannot be run: {problem}");
        var clock = Stopwatch.StartNew();
        var runId = $"{spec.Name}-{Guid.NewGuid():N}";
        int silos;
        try
        {
            silos = await engine.ActiveSilosAsync(cancel);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            throw new RunFailedException($"the cluster did not answer ({Plain(e)}), so nothing was run");
        }

        var gate = new object();
        var pending = new List<PlaceJob>();
        var resumed = 0;
        foreach (var job in spec.Jobs())
        {
            if (journal?.Read(job) is { } values)
            {
                Replay(job, values, sink);
                resumed++;
            }
            else pending.Add(job);
        }

        var rerun = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        Exception? failure = null;
        var next = -1;

        async Task Lane()
        {
            while (!stop.IsCancellationRequested)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= pending.Count) return;
                try
                {
                    Interlocked.Add(ref rerun, await RunJobAsync(runId, pending[i], engine, sink, gate, journal, retry, note, stop.Token));
                }
                catch (Exception e)
                {
                    if (e is not OperationCanceledException || cancel.IsCancellationRequested) Interlocked.CompareExchange(ref failure, e, null);
                    stop.Cancel();
                    return;
                }
            }
        }

        var lanes = Math.Max(1, Math.Min(pending.Count, engine.Lanes(spec, silos)));
        await Task.WhenAll(Enumerable.Range(0, lanes).Select(_ => Task.Run(Lane, CancellationToken.None)));
        cancel.ThrowIfCancellationRequested();
        if (failure is not null) throw failure as RunFailedException ?? new RunFailedException(Plain(failure));
        return new RunOutcome(engine.Name, silos, clock.Elapsed.TotalSeconds, pending.Count + resumed, resumed, rerun);
    }

    private static void Replay(PlaceJob job, long[] values, IRunSink sink)
    {
        var n = Model.Metrics.Counter.Count;
        for (var m = job.FirstMonth; m < job.Months; m++)
        {
            sink.Step(job, m);
            if (m >= 0) sink.Month(job, m, values.AsSpan(m * n, n));
        }
        sink.JobDone(job);
    }

    /// <summary>Runs one job to its end, again after each fault; returns how many attempts were run again.</summary>
    private static async Task<int> RunJobAsync(string runId, PlaceJob job, IRunEngine engine, IRunSink sink, object gate,
        RunJournal? journal, RetryPolicy retry, Action<string>? note, CancellationToken cancel)
    {
        var hashes = new ulong[job.Steps];
        var delivered = 0;
        var kept = journal is null ? null : new JobCounters(job);
        DateTime? firstFault = null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using (var session = await engine.StartAsync(runId, job, attempt, cancel))
                {
                    for (var step = 0; step < job.Steps; step++)
                    {
                        var month = await session.NextMonthAsync(cancel);
                        if (month.Month != job.FirstMonth + step)
                            throw new InvalidOperationException($"expected month {job.FirstMonth + step}, got {month.Month}");
                        var hash = Hash(month.Counters);
                        if (step < delivered)
                        {
                            if (hashes[step] != hash)
                                throw new DeterminismException($"{job} gave other numbers for month {month.Month} when it was run again: the engine is not deterministic, so the run was stopped");
                            continue;
                        }
                        hashes[step] = hash;
                        lock (gate)
                        {
                            sink.Step(job, month.Month);
                            if (month.Month >= 0) sink.Month(job, month.Month, month.Counters);
                        }
                        if (month.Month >= 0) kept?.Set(month.Month, month.Counters);
                        delivered++;
                        if (month.Finished != (step == job.Steps - 1))
                            throw new InvalidOperationException($"the job's clock disagrees about its last month ({month.Month})");
                    }
                }
                if (kept is not null) journal!.Write(job, kept.Values);
                lock (gate) sink.JobDone(job);
                return attempt - 1;
            }
            catch (Exception e) when (IsRefusal(e))
            {
                // Deterministic: another attempt would fail the same way, so the run stops at once.
                throw new RunFailedException($"{job} was refused: {Plain(e)}");
            }
            catch (Exception e) when (e is not DeterminismException && !(e is OperationCanceledException && cancel.IsCancellationRequested))
            {
                firstFault ??= DateTime.UtcNow;
                var waited = DateTime.UtcNow - firstFault.Value;
                if (attempt >= retry.MaxAttempts || waited >= retry.RetryWindow)
                    throw new RunFailedException($"{job} could not be run: it failed {attempt} time(s) in {waited.TotalSeconds:F0} s, the last with: {Plain(e)}");
                note?.Invoke($"{job}: attempt {attempt} failed at month {job.FirstMonth + delivered} ({Plain(e)}); running it again");
                await Task.Delay(RetryPolicy.Backoff(attempt), cancel);
            }
        }
    }

    /// <summary>
    /// A failure that running the job again cannot cure: a silo refused the job or a lever
    /// (bad input, or a caller that does not own the job), or a counter overflowed (the
    /// numbers are out of the model's range, so no number is written).
    /// </summary>
    private static bool IsRefusal(Exception e) =>
        e.GetBaseException() is ArgumentException or OverflowException or UnauthorizedAccessException
            or Grains.RunCancelledException; // cancelled by its owner: never run again

    /// <summary>FNV-1a over the counters: a job run again must give the same months.</summary>
    private static ulong Hash(long[] counters)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var c in counters)
        {
            h ^= (ulong)c;
            h *= 0x100000001B3UL;
        }
        return h;
    }

    /// <summary>An exception as one line a person can read: its innermost message, without stack traces or type names.</summary>
    public static string Plain(Exception e)
    {
        var message = e.GetBaseException().Message;
        var line = message.Split('\n', 2)[0].Trim();
        // Orleans puts the inner exception's type and message after the outer one's; keep the last, readable part.
        var colon = line.LastIndexOf("Exception: ", StringComparison.Ordinal);
        if (colon >= 0) line = line[(colon + "Exception: ".Length)..];
        line = line.TrimEnd('.');
        return line.Length > 240 ? line[..240] + "..." : line;
    }
}

/// <summary>A job gave different numbers when run again: never retried, the run stops.</summary>
public sealed class DeterminismException(string message) : Exception(message);
