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
/// <param name="JobsForked">jobs that started from another job of their replication and place where their months part</param>
/// <param name="HouseholdMonthsShared">household-months those jobs took from the job they were forked from instead of running them</param>
public sealed record RunOutcome(string Engine, int Silos, double Seconds, int Jobs, int JobsResumed, int JobsRerun, int JobsForked = 0, long HouseholdMonthsShared = 0);

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
    /// <param name="shareMonths">
    /// run the months that the jobs of one replication and place share (the burn-in, and any
    /// months before the first lever of any arm) once, and fork the other arms from there, on
    /// an engine that can (<see cref="IRunEngine.CanFork"/>); the numbers are the same either way
    /// </param>
    public static async Task<RunOutcome> RunAsync(RunSpec spec, IRunEngine engine, IRunSink sink, RunJournal? journal = null,
        RetryPolicy? retry = null, Action<string>? note = null, CancellationToken cancel = default, bool shareMonths = true)
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

        // The unit of work: a job, or the jobs of one replication and place that share months (at
        // most as many as run at once: a group counts as all its jobs against the lanes).
        var jobLanes = Math.Max(1, Math.Min(pending.Count, engine.Lanes(spec, silos)));
        var work = shareMonths && engine.CanFork ? Groups(pending, jobLanes) : pending.Select(j => new[] { j }).ToList();
        var tracks = new List<JobTrack>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        Exception? failure = null;
        var next = -1;
        var context = new Context(runId, engine, sink, gate, journal, retry, note);

        void Fail(Exception e)
        {
            if (e is not OperationCanceledException || cancel.IsCancellationRequested) Interlocked.CompareExchange(ref failure, e, null);
            stop.Cancel();
        }

        async Task Lane()
        {
            while (!stop.IsCancellationRequested)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= work.Count) return;
                var group = work[i].Select(j => new JobTrack(j, journal)).ToArray();
                lock (tracks) tracks.AddRange(group);
                try
                {
                    await RunGroupAsync(context, group, Fail, stop.Token);
                }
                catch (Exception e)
                {
                    Fail(e);
                    return;
                }
            }
        }

        var widest = work.Count == 0 ? 1 : work.Max(g => g.Length);
        var lanes = Math.Max(1, Math.Min(work.Count, jobLanes / widest));
        await Task.WhenAll(Enumerable.Range(0, lanes).Select(_ => Task.Run(Lane, CancellationToken.None)));
        cancel.ThrowIfCancellationRequested();
        if (failure is not null) throw failure as RunFailedException ?? new RunFailedException(Plain(failure));
        return new RunOutcome(engine.Name, silos, clock.Elapsed.TotalSeconds, pending.Count + resumed, resumed,
            tracks.Sum(t => t.Failures), tracks.Count(t => t.Forked), tracks.Where(t => t.Forked).Sum(t => (long)t.StepsShared * t.Job.Place.SimulatedHouseholds));
    }

    /// <summary>
    /// The jobs of each replication and place, in the order of the run, in groups of at most
    /// <paramref name="most"/> when they share a month; otherwise one by one.
    /// </summary>
    private static List<PlaceJob[]> Groups(List<PlaceJob> pending, int most)
    {
        var groups = new List<PlaceJob[]>();
        foreach (var g in pending.GroupBy(j => (j.Replication, j.PlaceIndex)))
            foreach (var jobs in g.Chunk(Math.Max(1, most)))
            {
                if (jobs.Length > 1 && PlaceClock.SharedSteps(jobs) > 0) groups.Add(jobs);
                else groups.AddRange(jobs.Select(j => new[] { j }));
            }
        return groups;
    }

    private sealed record Context(string RunId, IRunEngine Engine, IRunSink Sink, object Gate, RunJournal? Journal, RetryPolicy Retry, Action<string>? Note);

    /// <summary>One job's way through its attempts: the months it has delivered and their fingerprints.</summary>
    private sealed class JobTrack(PlaceJob job, RunJournal? journal)
    {
        public PlaceJob Job { get; } = job;
        public ulong[] Hashes { get; } = new ulong[job.Steps];
        public int Delivered { get; set; }
        public JobCounters? Kept { get; } = journal is null ? null : new JobCounters(job);
        public int Attempt { get; set; }
        public int Failures { get; set; }
        public DateTime? FirstFault { get; set; }

        /// <summary>The counters of the recorded months among the first steps, kept while other jobs are forked from this one.</summary>
        public Dictionary<int, long[]>? SharedMonths { get; set; }

        /// <summary>Steps this job took from another (as they were delivered to it, not run).</summary>
        public int StepsShared { get; set; }

        public bool Forked { get; set; }
    }

    /// <summary>
    /// Runs a group: a single job to its end; or the first job of a replication and place up to
    /// the first month any of them changes, then the others forked from it there, all to their end
    /// side by side. A job whose fork fails runs from its start (its shared months are then checked
    /// against the first job's); a job that fails later runs again from its start, as any job.
    /// </summary>
    private static async Task RunGroupAsync(Context c, JobTrack[] group, Action<Exception> fail, CancellationToken cancel)
    {
        var first = group[0];
        if (group.Length == 1)
        {
            await RunJobAsync(c, first, null, first.Job.Steps, cancel);
            return;
        }
        var shared = PlaceClock.SharedSteps(group.Select(t => t.Job).ToArray());
        first.SharedMonths = new Dictionary<int, long[]>();
        var open = await RunJobAsync(c, first, null, shared, cancel);
        var sessions = new IJobSession?[group.Length];
        sessions[0] = open;
        try
        {
            for (var i = 1; i < group.Length; i++)
            {
                var t = group[i];
                try
                {
                    t.Attempt = 1;
                    sessions[i] = await c.Engine.ForkAsync(c.RunId, open!, t.Job, t.Attempt, cancel);
                    t.Forked = true;
                }
                catch (Exception e) when (!(e is OperationCanceledException && cancel.IsCancellationRequested))
                {
                    // The job runs from its start instead; its shared months are checked against the first job's.
                    t.Failures++;
                    c.Note?.Invoke($"{t.Job}: could not start from {first.Job} at month {first.Job.FirstMonth + shared} ({Plain(e)}); running it from its start");
                }
                Adopt(c, first, t, shared);
            }
        }
        catch
        {
            foreach (var s in sessions) if (s is not null) await s.DisposeAsync();
            throw;
        }
        first.SharedMonths = null;

        async Task Finish(int i)
        {
            try
            {
                await RunJobAsync(c, group[i], sessions[i], group[i].Job.Steps, cancel);
            }
            catch (Exception e)
            {
                fail(e);
                throw;
            }
        }

        await Task.WhenAll(Enumerable.Range(0, group.Length).Select(Finish));
    }

    /// <summary>Delivers the first job's shared months to another job as its own: they are the same months.</summary>
    private static void Adopt(Context c, JobTrack from, JobTrack to, int shared)
    {
        var job = to.Job;
        Array.Copy(from.Hashes, to.Hashes, shared);
        lock (c.Gate)
        {
            for (var step = 0; step < shared; step++)
            {
                var month = job.FirstMonth + step;
                c.Sink.Step(job, month);
                if (month >= 0) c.Sink.Month(job, month, from.SharedMonths![month]);
            }
        }
        for (var month = 0; month < job.FirstMonth + shared; month++) to.Kept?.Set(month, from.SharedMonths![month]);
        to.Delivered = shared;
        to.StepsShared = shared;
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

    /// <summary>
    /// Runs a job from <paramref name="open"/> (a session standing at its next undelivered step)
    /// or from its start, up to step <paramref name="until"/>, again after each fault. At the job's
    /// last step it is done (journalled, retired) and null is returned; before it, the session is
    /// left open and returned, standing at <paramref name="until"/>.
    /// </summary>
    private static async Task<IJobSession?> RunJobAsync(Context c, JobTrack t, IJobSession? open, int until, CancellationToken cancel)
    {
        var job = t.Job;
        while (true)
        {
            var session = open;
            open = null;
            try
            {
                var step = session is null ? 0 : t.Delivered;
                if (session is null)
                {
                    t.Attempt++;
                    session = await c.Engine.StartAsync(c.RunId, job, t.Attempt, cancel);
                }
                var keep = false;
                try
                {
                    for (; step < until; step++)
                    {
                        var month = await session.NextMonthAsync(cancel);
                        if (month.Month != job.FirstMonth + step)
                            throw new InvalidOperationException($"expected month {job.FirstMonth + step}, got {month.Month}");
                        var hash = Hash(month.Counters);
                        if (step < t.Delivered)
                        {
                            if (t.Hashes[step] != hash)
                                throw new DeterminismException($"{job} gave other numbers for month {month.Month} when it was run again: the engine is not deterministic, so the run was stopped");
                            continue;
                        }
                        t.Hashes[step] = hash;
                        lock (c.Gate)
                        {
                            c.Sink.Step(job, month.Month);
                            if (month.Month >= 0) c.Sink.Month(job, month.Month, month.Counters);
                        }
                        if (month.Month >= 0)
                        {
                            t.Kept?.Set(month.Month, month.Counters);
                            t.SharedMonths?.Add(month.Month, month.Counters);
                        }
                        t.Delivered++;
                        if (month.Finished != (step == job.Steps - 1))
                            throw new InvalidOperationException($"the job's clock disagrees about its last month ({month.Month})");
                    }
                    if (until < job.Steps)
                    {
                        keep = true;
                        return session;
                    }
                }
                finally
                {
                    if (!keep) await session.DisposeAsync();
                }
                if (t.Kept is not null) c.Journal!.Write(job, t.Kept.Values);
                lock (c.Gate) c.Sink.JobDone(job);
                return null;
            }
            catch (Exception e) when (IsRefusal(e))
            {
                // Deterministic: another attempt would fail the same way, so the run stops at once.
                throw new RunFailedException($"{job} was refused: {Plain(e)}");
            }
            catch (Exception e) when (e is not DeterminismException && !(e is OperationCanceledException && cancel.IsCancellationRequested))
            {
                t.Failures++;
                t.FirstFault ??= DateTime.UtcNow;
                var waited = DateTime.UtcNow - t.FirstFault.Value;
                if (t.Attempt >= c.Retry.MaxAttempts || waited >= c.Retry.RetryWindow)
                    throw new RunFailedException($"{job} could not be run: it failed {t.Attempt} time(s) in {waited.TotalSeconds:F0} s, the last with: {Plain(e)}");
                c.Note?.Invoke($"{job}: attempt {t.Attempt} failed at month {job.FirstMonth + t.Delivered} ({Plain(e)}); running it again");
                await Task.Delay(RetryPolicy.Backoff(t.Attempt), cancel);
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
