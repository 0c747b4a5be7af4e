using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class NationalPolicyGrainTests(ClusterFixture cluster)
{
    /// <summary>Month 4 (2025-08) is the last before the lever; it acts from month 5.</summary>
    private const int LastMonthBefore = 4;

    private static ParameterChange UcCut(int fromMonth) =>
        new("national.universal_credit.rate_scale", fromMonth, ChangeOp.Scale, 0.8, null, 1000, "live-uc-cut");

    [Fact]
    public async Task A_lever_pulled_mid_run_changes_the_results_from_the_next_month_on()
    {
        // Arm 0 has no levers of its own; the trainer pulls one after month 4.
        var spec = TestRuns.Spec();
        const int place = 1;
        var world = GrainKeys.World(TestRuns.NewRunId("pull-lever"), 0, 0);
        var national = cluster.Client.GetGrain<INationalPolicyGrain>(world);
        await national.Initialise([]);
        var grain = cluster.Client.GetGrain<IPlaceGrain>(GrainKeys.Place(world, spec.Places[place].Id));
        await grain.Initialise(new PlaceSetup(spec, 0, 0, place, world));

        var months = new Dictionary<int, long[]>();
        PlaceMonthReport report;
        do
        {
            report = await grain.AdvanceMonth();
            if (report.Month >= 0) months[report.Month] = report.Counters;
            if (report.Month == LastMonthBefore) await national.PullLever(UcCut(LastMonthBefore + 1));
        } while (!report.Finished);
        await grain.Retire();

        // References in the pure loop: no lever at all, and the same lever scheduled in the scenario.
        var without = await TestRuns.InProcess(spec);
        var scheduled = await TestRuns.InProcess(spec with { Arms = [spec.Arms[0] with { Changes = [UcCut(LastMonthBefore + 1)] }] });
        Assert.Equal(spec.Months, months.Count);
        for (var m = 0; m < spec.Months; m++)
        {
            var none = without.Get(0, 0, place, m).ToArray();
            if (m <= LastMonthBefore)
            {
                Assert.Equal(none, months[m]);
            }
            else
            {
                Assert.NotEqual(none, months[m]);
                Assert.Equal(scheduled.Get(0, 0, place, m).ToArray(), months[m]);
            }
        }
        Assert.Equal(2, (await national.GetTimeline()).Version);
    }

    [Fact]
    public async Task A_local_lever_cannot_be_pulled_on_the_nation()
    {
        var national = cluster.Client.GetGrain<INationalPolicyGrain>(GrainKeys.World(TestRuns.NewRunId("local-lever"), 0, 0));
        await national.Initialise([]);

        var local = new ParameterChange("local.relational.budget_gbp_month_per_1000", 3, ChangeOp.Set, 1500, null, 0, "live");
        await Assert.ThrowsAsync<ArgumentException>(() => national.PullLever(local));
        Assert.Empty((await national.GetTimeline()).Changes);
    }
}
