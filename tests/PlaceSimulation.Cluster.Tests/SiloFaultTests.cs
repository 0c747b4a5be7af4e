using Orleans.TestingHost;
using PlaceSimulation.Runs;

namespace PlaceSimulation.Cluster.Tests;

/// <summary>
/// A silo dies, or leaves, while a run goes on: the jobs it held are run again on the silos
/// that remain, and the run ends with the pinned counters (those of a run with no fault).
/// </summary>
public class SiloFaultTests
{
    private static async Task<(RunOutcome Outcome, string Hash)> RunAndMeanwhile(InProcessTestCluster cluster, Func<Task> fault)
    {
        var spec = PinnedResultsTests.PinnedSpec(householdsPerGrain: 250);
        var sink = new ResultsSink(spec);
        var progress = new ProgressSink(spec);
        var notes = new List<string>();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(4)); // a guard against a hung run, not a timing assertion
        var run = RunPipeline.RunAsync(spec, new OrleansEngine(cluster.Client, "test cluster"), new Sinks(sink, progress),
            note: n => { lock (notes) notes.Add(n); }, cancel: guard.Token);
        while (progress.Done < progress.Total / 4 && !run.IsCompleted) await Task.Delay(10);
        Assert.False(run.IsCompleted, "the fault should come while the run goes on");
        await fault();
        var outcome = await run;
        Assert.True(outcome.JobsRerun > 0, $"jobs on the lost silo should have been run again; notes: {string.Join(" | ", notes)}");
        return (outcome, PinnedResultsTests.Hash(sink.Results));
    }

    [Fact]
    public async Task A_silo_killed_mid_run_loses_no_number()
    {
        await using var cluster = await TestClusters.StartAsync(3);
        var victim = cluster.Silos[2];

        var (_, hash) = await RunAndMeanwhile(cluster, () => cluster.KillSiloAsync(victim));

        Assert.Equal(PinnedResultsTests.OffsetPin, hash);
    }

    [Fact]
    public async Task A_silo_stopped_gracefully_mid_run_loses_no_number()
    {
        await using var cluster = await TestClusters.StartAsync(3);
        var leaving = cluster.Silos[1];

        var (_, hash) = await RunAndMeanwhile(cluster, () => cluster.StopSiloAsync(leaving));

        Assert.Equal(PinnedResultsTests.OffsetPin, hash);
    }

    [Fact]
    public async Task Grains_collected_mid_run_lose_no_number()
    {
        // A collection of every idle activation (as when a paused run's grains idle out) takes
        // household blocks and services from under running jobs: they must notice, not start afresh.
        await using var cluster = await TestClusters.StartAsync(1);
        var management = cluster.Client.GetGrain<IManagementGrain>(0);

        var (_, hash) = await RunAndMeanwhile(cluster, () => management.ForceActivationCollection(TimeSpan.FromMilliseconds(1)));

        Assert.Equal(PinnedResultsTests.OffsetPin, hash);
    }
}
