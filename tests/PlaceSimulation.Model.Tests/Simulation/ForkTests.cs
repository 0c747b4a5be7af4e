using PlaceSimulation.Model.Households;
using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Model.Tests.Simulation;

/// <summary>Forking a job where the arms part: a copy of a place between months steps on as the place itself.</summary>
public class ForkTests
{
    private const string Policies = """
          cut:
            description: A cut in Universal Credit from 2025-07.
            changes:
              - from: 2025-07
                scale:
                  national.universal_credit.rate_scale: 0.9
        """;

    private static RunSpec Spec() =>
        TestWorld.Scenario(TestWorld.Yaml(households: 600, months: 8, policies: Policies, arms: "  base: []\n  cut: [cut]")).Spec;

    [Fact]
    public async Task A_place_forked_after_the_burn_in_steps_on_as_the_place_run_alone()
    {
        var spec = Spec();
        var jobs = spec.Jobs().ToArray();
        var (base_, cut) = (jobs[0], jobs[1]);
        // The arms part at 2025-07, month 3: the burn-in and months 0 to 2 are shared.
        Assert.Equal(spec.BurnInMonths + 3, PlaceClock.SharedSteps(jobs));

        var place = new InProcessPlace(base_);
        var clock = new PlaceClock(base_);
        for (var i = 0; i < spec.BurnInMonths + 3; i++) await clock.StepAsync(place);
        var forked = place.Fork();
        var forkedClock = new PlaceClock(cut, clock.Month, clock.Signals);

        var alone = new InProcessPlace(cut);
        var aloneClock = new PlaceClock(cut);
        for (var i = 0; i < spec.BurnInMonths + 3; i++) await aloneClock.StepAsync(alone);
        while (!aloneClock.Finished)
        {
            var expected = await aloneClock.StepAsync(alone);
            var actual = await forkedClock.StepAsync(forked);
            Assert.Equal(expected.Month, actual.Month);
            Assert.Equal(expected.Counters, actual.Counters);
        }
        // The first job's place was copied, not shared: after its copy ran to the end, it steps
        // its month 3 as the first arm run alone does.
        var baseAlone = new InProcessPlace(base_);
        var baseClock = new PlaceClock(base_);
        for (var i = 0; i < spec.BurnInMonths + 3; i++) await baseClock.StepAsync(baseAlone);
        var month3 = await clock.StepAsync(place);
        Assert.Equal(3, month3.Month);
        Assert.Equal((await baseClock.StepAsync(baseAlone)).Counters, month3.Counters);
    }

    [Fact]
    public void A_fork_past_a_lever_or_of_another_replication_is_refused_with_the_reason()
    {
        var spec = Spec();
        var jobs = spec.Jobs().ToArray();
        Assert.Null(PlaceClock.ForkProblem(jobs[0], 3, jobs[1]));
        Assert.Contains("starts at month 3, before month 4", PlaceClock.ForkProblem(jobs[0], 4, jobs[1]));
        var other = PlaceJob.Of(TestWorld.Scenario(TestWorld.Yaml(households: 600, months: 8, replications: 2)).Spec, 0, 1, 0);
        Assert.Contains("is not the same place, replication and run", PlaceClock.ForkProblem(jobs[0], 0, other));
        Assert.Throws<ArgumentException>(() => new PlaceClock(jobs[1], 4, Places.PlaceSignals.Initial));
    }

    [Fact]
    public void A_block_read_back_from_its_bytes_holds_the_same_households_and_a_wrong_size_or_id_is_refused()
    {
        var p = TestWorld.Defaults();
        var block = HouseholdBlock.Create(100, 50, 7, 11, p);

        var state = block.ExportState();
        var copy = HouseholdBlock.FromState(100, 50, state);

        Assert.Equal(block.Households.ToArray().Select(h => h.Id), copy.Households.ToArray().Select(h => h.Id));
        Assert.Equal(state, copy.ExportState());
        Assert.Throws<ArgumentException>(() => HouseholdBlock.FromState(100, 49, state));
        Assert.Throws<ArgumentException>(() => HouseholdBlock.FromState(101, 50, state));
    }
}
