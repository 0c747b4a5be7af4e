using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Cluster.Tests;

/// <summary>
/// Determinism by construction: the same scenario and seed give byte-identical counters whatever the
/// number of silos and the number of households per grain. Grains spread over three silos,
/// so requests, decisions and grants cross silo boundaries serialized.
/// </summary>
public class LayoutIdentityTests(ThreeSiloCluster three) : IClassFixture<ThreeSiloCluster>
{
    [Fact]
    public async Task Three_silos_give_the_counters_of_one_silo_and_of_the_pure_loop()
    {
        var spec = PinnedResultsTests.PinnedSpec();
        await using var one = await TestClusters.StartAsync(1);
        var onOne = await TestClusters.RunAsync(one.Client, spec);
        var onThree = await TestClusters.RunAsync(three.Cluster.Client, spec);

        Assert.Equal(3, three.Cluster.Silos.Count);
        Assert.Equal(PinnedResultsTests.OffsetPin, PinnedResultsTests.Hash(onOne));
        Assert.Equal(PinnedResultsTests.OffsetPin, PinnedResultsTests.Hash(onThree));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(1024)]
    public async Task Any_households_per_grain_gives_the_counters_of_the_pure_loop(int householdsPerGrain)
    {
        // Small enough that one grain per household stays quick: 4 arms × 3 places × 100 households.
        RunSpec Spec(int perGrain) => ScenarioLoader.Load(Repository.Scenario("offset.yaml"),
            new ScenarioOverrides(Replications: 1, Households: 300, Months: 36, HouseholdsPerGrain: perGrain)).Spec;
        var reference = await InProcessRunner.RunAsync(Spec(300));

        var onGrains = await TestClusters.RunAsync(three.Cluster.Client, Spec(householdsPerGrain));

        Assert.Equal(PinnedResultsTests.Hash(reference), PinnedResultsTests.Hash(onGrains));
    }
}
