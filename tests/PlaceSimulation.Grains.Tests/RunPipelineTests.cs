using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Runs;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class RunPipelineTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_run_on_the_cluster_gives_the_pure_loop_counters()
    {
        var spec = TestRuns.Spec();
        var expected = await TestRuns.InProcess(spec);

        var actual = await TestRuns.OnCluster(cluster.Client, spec);

        Assert.Equal((long)2 * 2 * 2 * 12 * Counter.Count, actual.Counters.LongLength);
        Assert.Equal(expected.Counters, actual.Counters);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(97)]
    [InlineData(ScenarioLoader.DefaultHouseholdsPerGrain)]
    public async Task Households_per_grain_does_not_change_a_number(int householdsPerGrain)
    {
        var expected = await TestRuns.InProcess(TestRuns.Spec());
        var spec = TestRuns.Spec(new ScenarioOverrides(HouseholdsPerGrain: householdsPerGrain));
        Assert.Equal(householdsPerGrain, spec.HouseholdsPerGrain);

        var actual = await TestRuns.OnCluster(cluster.Client, spec);

        Assert.Equal(expected.Counters, actual.Counters);
    }

    [Fact]
    public async Task Two_runs_at_once_on_one_cluster_do_not_touch_each_other()
    {
        var specA = TestRuns.Spec(new ScenarioOverrides(HouseholdsPerGrain: 97));
        var specB = TestRuns.Spec(new ScenarioOverrides(Seed: 99, HouseholdsPerGrain: 97));
        var expectedA = await TestRuns.InProcess(specA);
        var expectedB = await TestRuns.InProcess(specB);
        Assert.NotEqual(expectedA.Counters, expectedB.Counters);

        var both = await Task.WhenAll(TestRuns.OnCluster(cluster.Client, specA), TestRuns.OnCluster(cluster.Client, specB));

        Assert.Equal(expectedA.Counters, both[0].Counters);
        Assert.Equal(expectedB.Counters, both[1].Counters);
    }

    [Fact]
    public async Task The_in_process_engine_gives_the_pure_loop_counters_with_jobs_in_parallel()
    {
        var spec = TestRuns.Spec();
        var sink = new ResultsSink(spec);
        var progress = new ProgressSink(spec);

        var outcome = await RunPipeline.RunAsync(spec, new InProcessEngine(lanes: 3), new Sinks(sink, progress));

        Assert.Equal((await TestRuns.InProcess(spec)).Counters, sink.Results.Counters);
        Assert.Equal(progress.Total, progress.Done);
        Assert.Equal(8, outcome.Jobs);
        Assert.Equal(0, outcome.JobsRerun);
    }

    [Fact]
    public async Task Arms_run_the_months_they_share_once_and_fork_with_the_counters_of_jobs_run_alone()
    {
        var spec = TestRuns.Spec();
        var expected = await TestRuns.InProcess(spec);
        // The two arms of a replication and place share the burn-in and the months before the
        // first lever: 2025-06 (month 2) in northern-borough, where the caseworkers start, and
        // 2025-07 (month 3) in market-town. Jobs of other replications share nothing.
        var jobs = spec.Jobs().ToArray();
        var northern = jobs.Where(j => j.Replication == 0 && j.PlaceIndex == 0).ToArray();
        var market = jobs.Where(j => j.Replication == 0 && j.PlaceIndex == 1).ToArray();
        Assert.Equal(spec.BurnInMonths + 2, PlaceClock.SharedSteps(northern));
        Assert.Equal(spec.BurnInMonths + 3, PlaceClock.SharedSteps(market));
        Assert.Equal(0, PlaceClock.SharedSteps(jobs.Where(j => j.Arm == 0 && j.PlaceIndex == 0).ToArray()));
        var shared = spec.Replications * ((spec.BurnInMonths + 2L) * northern[0].Place.SimulatedHouseholds + (spec.BurnInMonths + 3L) * market[0].Place.SimulatedHouseholds);

        foreach (var engine in new IRunEngine[] { new OrleansEngine(cluster.Client, "test"), new InProcessEngine(lanes: 3) })
        {
            var sink = new ResultsSink(spec);
            var progress = new ProgressSink(spec);
            var outcome = await RunPipeline.RunAsync(spec, engine, new Sinks(sink, progress));

            Assert.Equal(expected.Counters, sink.Results.Counters);
            Assert.Equal(4, outcome.JobsForked);
            Assert.Equal(shared, outcome.HouseholdMonthsShared);
            Assert.Equal(0, outcome.JobsRerun);
            Assert.Equal(progress.Total, progress.Done);
        }

        var alone = await RunPipeline.RunAsync(spec, new OrleansEngine(cluster.Client, "test"), new ResultsSink(spec), shareMonths: false);
        Assert.Equal(0, alone.JobsForked);
        Assert.Equal(0, alone.HouseholdMonthsShared);
        // A group counts as all its jobs against the lanes: with one lane (one job in memory) nothing forks.
        var oneLane = new ResultsSink(spec);
        Assert.Equal(0, (await RunPipeline.RunAsync(spec, new InProcessEngine(lanes: 1), oneLane)).JobsForked);
        Assert.Equal(expected.Counters, oneLane.Results.Counters);
    }

    [Fact]
    public async Task A_job_whose_fork_fails_runs_from_its_start_and_its_shared_months_are_checked()
    {
        var spec = TestRuns.Spec();
        var sink = new ResultsSink(spec);

        var outcome = await RunPipeline.RunAsync(spec, new ForkFails(new OrleansEngine(cluster.Client, "test")), sink);

        Assert.Equal((await TestRuns.InProcess(spec)).Counters, sink.Results.Counters);
        Assert.Equal(0, outcome.JobsForked);
        Assert.Equal(4, outcome.JobsRerun);
    }

    /// <summary>An engine whose every fork fails (the silo of the job forked from lost, say).</summary>
    private sealed class ForkFails(IRunEngine inner) : IRunEngine
    {
        public string Name => inner.Name;
        public Task<int> ActiveSilosAsync(CancellationToken cancel) => inner.ActiveSilosAsync(cancel);
        public int Lanes(RunSpec spec, int silos) => inner.Lanes(spec, silos);
        public Task<IJobSession> StartAsync(string runId, PlaceJob job, int attempt, CancellationToken cancel) => inner.StartAsync(runId, job, attempt, cancel);
        public bool CanFork => true;
        public Task<IJobSession> ForkAsync(string runId, IJobSession from, PlaceJob job, int attempt, CancellationToken cancel) =>
            throw new InvalidOperationException("the silo of the job forked from was lost");
    }

    [Fact]
    public async Task Grains_collected_mid_run_are_detected_and_their_jobs_run_again_with_the_same_counters()
    {
        // Blocks of 50, one lane per job: every job has idle grains between calls, which a
        // forced collection takes. The jobs find their state gone, fail loudly and run again.
        var spec = TestRuns.Spec(new ScenarioOverrides(HouseholdsPerGrain: 50));
        var expected = await TestRuns.InProcess(spec);
        var sink = new ResultsSink(spec);
        var progress = new ProgressSink(spec);
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var run = RunPipeline.RunAsync(spec, new OrleansEngine(cluster.Client, "test"), new Sinks(sink, progress), cancel: guard.Token);
        while (progress.Done < progress.Total / 3 && !run.IsCompleted) await Task.Delay(5);
        await management.ForceActivationCollection(TimeSpan.FromMilliseconds(1));
        var outcome = await run;

        Assert.True(outcome.JobsRerun > 0, "the forced collection should have cost some jobs their state");
        Assert.Equal(expected.Counters, sink.Results.Counters);
    }

    [Fact]
    public async Task A_run_cancelled_by_its_client_stops_in_one_sentence_and_is_not_run_again()
    {
        var spec = TestRuns.Spec();
        var engine = new OrleansEngine(cluster.Client, "test");
        var progress = new ProgressSink(spec);
        var before = (await engine.ListRunsAsync()).Select(r => r.RunId).ToHashSet();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        // The first month to arrive holds its job until the run is cancelled, so the run cannot end before.
        using var hold = new HoldFirstMonth();
        var run = RunPipeline.RunAsync(spec, engine, new Sinks(new ResultsSink(spec), progress, hold), cancel: guard.Token);
        Assert.True(await Task.WhenAny(hold.Reached.Task, Task.Delay(TimeSpan.FromMinutes(1))) == hold.Reached.Task, "no month arrived");
        var mine = Assert.Single(await engine.ListRunsAsync(), r => !before.Contains(r.RunId));
        Assert.StartsWith(spec.Name + "-", mine.RunId);
        // Another client (another owner secret) cannot cancel it.
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => new OrleansEngine(cluster.Client, "other").CancelRunAsync(mine.RunId));
        Assert.True(await engine.CancelRunAsync(mine.RunId) > 0);
        hold.Release.Set();

        var e = await Assert.ThrowsAsync<RunFailedException>(() => run);
        Assert.Contains($"run {mine.RunId} was cancelled by its owner", e.Message);
        Assert.DoesNotContain("\n", e.Message);
        Assert.True(progress.Done < progress.Total, "a cancelled run does not finish");
    }

    [Fact]
    public async Task A_run_that_cannot_run_is_refused_in_one_sentence_before_any_job_starts()
    {
        var spec = TestRuns.Spec() with { Months = 0 };

        var e = await Assert.ThrowsAsync<RunFailedException>(() => TestRuns.OnCluster(cluster.Client, spec, new RetryPolicy(2, TimeSpan.FromSeconds(30))));

        Assert.Contains("the run cannot be run: months must be from 1 to 600, not 0", e.Message);
        Assert.DoesNotContain("\n", e.Message);
        Assert.DoesNotContain("Exception", e.Message);
    }

    [Fact]
    public async Task A_job_the_silo_refuses_fails_the_run_at_once_without_being_tried_again()
    {
        // A client that skips the checks (here: one that sends every job with a NaN inflation rate):
        // the silo refuses the job, and trying again could not help, so the run stops after one attempt.
        var spec = TestRuns.Spec();
        var engine = new CarelessEngine(new OrleansEngine(cluster.Client, "test"));
        var started = DateTime.UtcNow;

        var e = await Assert.ThrowsAsync<RunFailedException>(() =>
            RunPipeline.RunAsync(spec, engine, new ResultsSink(spec), retry: new RetryPolicy(8, TimeSpan.FromMinutes(2))));

        Assert.Contains("was refused", e.Message);
        Assert.Contains("economy.cpi_annual is NaN", e.Message);
        Assert.DoesNotContain("\n", e.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "a refused job is not retried with back-off");
    }

    private sealed class CarelessEngine(IRunEngine inner) : IRunEngine
    {
        public string Name => inner.Name;
        public Task<int> ActiveSilosAsync(CancellationToken cancel) => inner.ActiveSilosAsync(cancel);
        public int Lanes(RunSpec spec, int silos) => inner.Lanes(spec, silos);

        public Task<IJobSession> StartAsync(string runId, PlaceJob job, int attempt, CancellationToken cancel)
        {
            var p = job.Place.BaseParameters.Clone();
            Model.Parameters.ParameterSchema.Instance["economy.cpi_annual"].Set(p, double.NaN);
            return inner.StartAsync(runId, job with { Place = job.Place with { BaseParameters = p } }, attempt, cancel);
        }
    }

    [Fact]
    public async Task An_interrupted_run_resumes_from_its_journal_with_the_same_counters()
    {
        var spec = TestRuns.Spec();
        var expected = await TestRuns.InProcess(spec);
        var outDir = Path.Combine(Path.GetTempPath(), $"placesim-resume-{Guid.NewGuid():N}");
        try
        {
            // The first run is stopped after 3 of its 8 jobs.
            var first = new ProgressSink(spec);
            using var stop = new CancellationTokenSource();
            var stopper = new StopAfter(3, stop);
            var journal = RunJournal.Begin(outDir, spec);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                RunPipeline.RunAsync(spec, new InProcessEngine(lanes: 1), new Sinks(first, stopper), journal, cancel: stop.Token));

            // Another spec cannot take its jobs.
            var other = TestRuns.Spec(new ScenarioOverrides(Seed: 7));
            Assert.Throws<ResumeException>(() => RunJournal.Resume(outDir, other));

            // Jobs forked from one another finish side by side, so more than 3 may have been journalled.
            var kept = RunJournal.JobsKeptFor(outDir);
            Assert.InRange(kept, 3, spec.Jobs().Count() - 1);
            var sink = new ResultsSink(spec);
            var outcome = await RunPipeline.RunAsync(spec, new InProcessEngine(), sink, RunJournal.Resume(outDir, spec));

            Assert.Equal(kept, outcome.JobsResumed);
            Assert.Equal(expected.Counters, sink.Results.Counters);
        }
        finally
        {
            if (Directory.Exists(RunJournal.FolderFor(outDir))) Directory.Delete(RunJournal.FolderFor(outDir), recursive: true);
        }
    }

    [Fact]
    public void Resuming_where_no_run_was_interrupted_is_refused_with_the_reason()
    {
        var e = Assert.Throws<ResumeException>(() => RunJournal.Resume(Path.Combine(Path.GetTempPath(), $"nothing-{Guid.NewGuid():N}"), TestRuns.Spec()));
        Assert.Contains("there is no interrupted run to resume there", e.Message);
    }

    /// <summary>Holds the pipeline at the first month that arrives until released (at most 30 s).</summary>
    private sealed class HoldFirstMonth : IRunSink, IDisposable
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ManualResetEventSlim Release { get; } = new();
        private int _held;

        public void Step(PlaceJob job, int month)
        {
            if (Interlocked.Exchange(ref _held, 1) != 0) return;
            Reached.TrySetResult();
            Release.Wait(TimeSpan.FromSeconds(30));
        }

        public void Dispose() => Release.Dispose();
    }

    private sealed class StopAfter(int jobs, CancellationTokenSource stop) : IRunSink
    {
        private int _done;

        public void JobDone(PlaceJob job)
        {
            if (++_done == jobs) stop.Cancel();
        }
    }
}
