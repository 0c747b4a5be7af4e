using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class SimulationGrainTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_run_on_the_cluster_gives_the_pure_loop_counters()
    {
        var spec = TestRuns.Spec();
        var expected = await TestRuns.InProcess(spec);

        var actual = await TestRuns.OnCluster(cluster.Client, spec, TestRuns.NewRunId("match"));

        Assert.Equal((expected.Arms, expected.Replications, expected.Places, expected.Months), (actual.Arms, actual.Replications, actual.Places, actual.Months));
        Assert.Equal((long)2 * 2 * 2 * 12 * Counter.Count, actual.Counters.LongLength);
        Assert.Equal(expected.Counters, actual.Counters);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(97)]
    [InlineData(ScenarioLoader.DefaultHouseholdsPerGrain)]
    public async Task Households_per_grain_does_not_change_a_number(int householdsPerGrain)
    {
        // The reference groups households in the default blocks; the cluster in blocks of 1, 97 or the default.
        var expected = await TestRuns.InProcess(TestRuns.Spec());
        var spec = TestRuns.Spec(new ScenarioOverrides(HouseholdsPerGrain: householdsPerGrain));
        Assert.Equal(householdsPerGrain, spec.HouseholdsPerGrain);

        var actual = await TestRuns.OnCluster(cluster.Client, spec, TestRuns.NewRunId($"per-grain-{householdsPerGrain}"));

        Assert.Equal(expected.Counters, actual.Counters);
    }

    [Fact]
    public async Task Two_runs_at_once_on_one_cluster_do_not_touch_each_other()
    {
        // Same scenario, same places and arms (so the same grain keys but for the run id); different seeds.
        var specA = TestRuns.Spec(new ScenarioOverrides(HouseholdsPerGrain: 97));
        var specB = TestRuns.Spec(new ScenarioOverrides(Seed: 99, HouseholdsPerGrain: 97));
        var expectedA = await TestRuns.InProcess(specA);
        var expectedB = await TestRuns.InProcess(specB);
        Assert.NotEqual(expectedA.Counters, expectedB.Counters);

        var both = await Task.WhenAll(
            TestRuns.OnCluster(cluster.Client, specA, TestRuns.NewRunId("together-a")),
            TestRuns.OnCluster(cluster.Client, specB, TestRuns.NewRunId("together-b")));

        Assert.Equal(expectedA.Counters, both[0].Counters);
        Assert.Equal(expectedB.Counters, both[1].Counters);
    }

    [Fact]
    public async Task Results_are_refused_before_a_run_has_finished_and_a_run_cannot_start_twice()
    {
        var run = cluster.Client.GetGrain<ISimulationGrain>(TestRuns.NewRunId("not-started"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => run.GetResults());

        var id = TestRuns.NewRunId("twice");
        var spec = TestRuns.Spec();
        await TestRuns.OnCluster(cluster.Client, spec, id);
        await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.Client.GetGrain<ISimulationGrain>(id).Start(spec));
    }
}
