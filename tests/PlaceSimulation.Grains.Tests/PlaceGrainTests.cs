using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class PlaceGrainTests(ClusterFixture cluster)
{
    private const int Arm = 1;
    private const int Replication = 1;
    private const int Place = 0;

    [Fact]
    public async Task A_household_looked_up_on_the_place_grain_is_the_pure_loop_household()
    {
        // Blocks of 97, so the ids below fall in the first, a middle and the last block, at their edges.
        var spec = TestRuns.Spec(new ScenarioOverrides(HouseholdsPerGrain: 97));
        var place = spec.Places[Place];
        var steps = spec.BurnInMonths + 3;
        var grain = await StartPlace(spec, TestRuns.NewRunId("lookup"));
        var reference = new InProcessPlace(spec, place, Replication, spec.HouseholdsPerGrain);
        var clock = new PlaceClock(spec, place, spec.TimelineFor(spec.Arms[Arm], place), Replication);

        for (var i = 0; i < steps; i++)
        {
            var report = await grain.AdvanceMonth();
            var expected = await clock.StepAsync(reference);
            Assert.Equal(expected.Month, report.Month);
            Assert.Equal(expected.Counters, report.Counters);
        }

        int[] ids = [0, 96, 97, 250, place.SimulatedHouseholds - 1];
        foreach (var id in ids)
        {
            var expected = HouseholdView.From(reference.Household(id));
            var actual = await grain.GetHousehold(id);
            Assert.Equal(id, actual.Id);
            Assert.Equal(expected with { Needs = [] }, actual with { Needs = [] });
            Assert.Equal(expected.Needs, actual.Needs);
        }
        await grain.Retire();
    }

    [Fact]
    public async Task A_household_outside_the_place_cannot_be_looked_up()
    {
        var spec = TestRuns.Spec();
        var grain = await StartPlace(spec, TestRuns.NewRunId("lookup-outside"));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.GetHousehold(spec.Places[Place].SimulatedHouseholds));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.GetHousehold(-1));
        await grain.Retire();
    }

    /// <summary>Sets up one place of one arm and replication as the simulation grain does: the nation's levers first, then the place.</summary>
    private async Task<IPlaceGrain> StartPlace(RunSpec spec, string runId)
    {
        var world = GrainKeys.World(runId, Arm, Replication);
        await cluster.Client.GetGrain<INationalPolicyGrain>(world).Initialise(spec.Arms[Arm].Changes.Where(c => !c.IsLocal).ToArray());
        var grain = cluster.Client.GetGrain<IPlaceGrain>(GrainKeys.Place(world, spec.Places[Place].Id));
        await grain.Initialise(new PlaceSetup(spec, Arm, Replication, Place, world));
        return grain;
    }
}
