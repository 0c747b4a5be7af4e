using Orleans.Concurrency;
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
        var job = PlaceJob.Of(spec, Arm, Replication, Place);
        var steps = spec.BurnInMonths + 3;
        var grain = await StartJob(job, TestRuns.NewRunId("lookup"));
        var reference = new InProcessPlace(job);
        var clock = new PlaceClock(job);

        for (var i = 0; i < steps; i++)
        {
            var report = await grain.AdvanceMonth();
            var expected = await clock.StepAsync(reference);
            Assert.Equal(expected.Month, report.Month);
            Assert.Equal(expected.Counters, report.Counters);
        }

        int[] ids = [0, 96, 97, 250, job.Place.SimulatedHouseholds - 1];
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
        var grain = await StartJob(PlaceJob.Of(spec, Arm, Replication, Place), TestRuns.NewRunId("lookup-outside"));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.GetHousehold(spec.Places[Place].SimulatedHouseholds));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.GetHousehold(-1));
        await grain.Retire();
    }

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
        var job = PlaceJob.Of(spec, 0, 0, place);
        var grain = await StartJob(job, TestRuns.NewRunId("pull-lever"));

        var months = new Dictionary<int, long[]>();
        PlaceMonthReport report;
        do
        {
            report = await grain.AdvanceMonth();
            if (report.Month >= 0) months[report.Month] = report.Counters;
            if (report.Month == LastMonthBefore)
            {
                // The past cannot be changed; the next month can.
                await Assert.ThrowsAsync<ArgumentException>(() => grain.PullLever(UcCut(LastMonthBefore)));
                await grain.PullLever(UcCut(LastMonthBefore + 1));
            }
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
    }

    [Fact]
    public async Task A_job_whose_grain_lost_its_state_fails_loudly_instead_of_starting_afresh()
    {
        var spec = TestRuns.Spec();
        var job = PlaceJob.Of(spec, Arm, Replication, Place);
        var key = GrainKeys.Job(TestRuns.NewRunId("lost"), Arm, Replication, job.Place.Id, 1);
        var grain = cluster.Client.GetGrain<IPlaceGrain>(key);

        // Never started (as a new activation after its state was lost): no month is run.
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.AdvanceMonth());
        Assert.Contains("no state here", e.Message);
        // A service asked for a month out of order refuses (its carried capacity would be wrong).
        var service = cluster.Client.GetGrain<IServiceGrain>(GrainKeys.Service(key, Model.Services.ServiceKind.Advice));
        await Assert.ThrowsAsync<InvalidOperationException>(() => service.Decide(new ServiceCall(1, [], [], 1, 1, 0).AsImmutable()));
        await service.Start(-3);
        await Assert.ThrowsAsync<InvalidOperationException>(() => service.Decide(new ServiceCall(1, [], [], 1, 1, -2).AsImmutable()));
        await service.Retire();
    }

    [Fact]
    public async Task A_job_it_cannot_run_is_refused_before_anything_runs()
    {
        var spec = TestRuns.Spec();
        var job = PlaceJob.Of(spec, Arm, Replication, Place) with { Months = 0 };
        var grain = cluster.Client.GetGrain<IPlaceGrain>(GrainKeys.Job(TestRuns.NewRunId("bad-job"), Arm, Replication, job.Place.Id, 1));

        var e = await Assert.ThrowsAsync<ArgumentException>(() => grain.Start(job));
        Assert.Contains("months must be at least 1", e.Message);
    }

    private async Task<IPlaceGrain> StartJob(PlaceJob job, string runId)
    {
        var grain = cluster.Client.GetGrain<IPlaceGrain>(GrainKeys.Job(runId, job.Arm, job.Replication, job.Place.Id, 1));
        await grain.Start(job);
        return grain;
    }
}
