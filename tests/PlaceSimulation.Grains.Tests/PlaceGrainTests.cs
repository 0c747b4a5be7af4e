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

    /// <summary>The owner secret of the jobs these tests start (a run's client makes a new one per job).</summary>
    private static readonly Guid Owner = Guid.NewGuid();

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
            var report = await grain.AdvanceMonth(Owner);
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
        await grain.Retire(Owner);
    }

    [Fact]
    public async Task A_household_outside_the_place_cannot_be_looked_up()
    {
        var spec = TestRuns.Spec();
        var grain = await StartJob(PlaceJob.Of(spec, Arm, Replication, Place), TestRuns.NewRunId("lookup-outside"));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.GetHousehold(spec.Places[Place].SimulatedHouseholds));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.GetHousehold(-1));
        await grain.Retire(Owner);
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
            report = await grain.AdvanceMonth(Owner);
            if (report.Month >= 0) months[report.Month] = report.Counters;
            if (report.Month == LastMonthBefore)
            {
                // The past cannot be changed; the next month can.
                var past = await Assert.ThrowsAsync<ArgumentException>(() => grain.PullLever(UcCut(LastMonthBefore), Owner));
                Assert.Matches(@"a lever from \d{4}-\d{2} cannot be pulled in \d{4}-\d{2}: months already run do not change", past.Message);
                await grain.PullLever(UcCut(LastMonthBefore + 1), Owner);
            }
        } while (!report.Finished);
        await grain.Retire(Owner);

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
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.AdvanceMonth(Owner));
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

        var e = await Assert.ThrowsAsync<ArgumentException>(() => grain.Start(job, Owner));
        Assert.Contains("months must be at least 1", e.Message);
    }

    [Theory]
    [InlineData(-3, 0, "months must be at least 1")]
    [InlineData(601, 0, "months must be at most 600")]
    [InlineData(12, -1, "burn-in months must not be negative")]
    public async Task A_job_with_impossible_months_is_refused_with_a_sentence(int months, int burnIn, string expected)
    {
        var job = PlaceJob.Of(TestRuns.Spec(), Arm, Replication, Place) with { Months = months, BurnInMonths = burnIn };
        var grain = cluster.Client.GetGrain<IPlaceGrain>(GrainKeys.Job(TestRuns.NewRunId("bad-months"), Arm, Replication, job.Place.Id, 1));

        var e = await Assert.ThrowsAsync<ArgumentException>(() => grain.Start(job, Owner));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public async Task A_job_whose_parameters_are_all_zero_or_not_a_number_is_refused()
    {
        var job = PlaceJob.Of(TestRuns.Spec(), Arm, Replication, Place);
        var zero = job with { Place = job.Place with { BaseParameters = new Model.Parameters.ModelParameters() } };
        var nan = job.Place.BaseParameters.Clone();
        Model.Parameters.ParameterSchema.Instance["economy.cpi_annual"].Set(nan, double.NaN);

        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            cluster.Client.GetGrain<IPlaceGrain>(GrainKeys.Job(TestRuns.NewRunId("zero"), Arm, Replication, job.Place.Id, 1)).Start(zero, Owner));
        Assert.Contains("expected", e.Message);
        e = await Assert.ThrowsAsync<ArgumentException>(() =>
            cluster.Client.GetGrain<IPlaceGrain>(GrainKeys.Job(TestRuns.NewRunId("nan"), Arm, Replication, job.Place.Id, 1))
                .Start(job with { Place = job.Place with { BaseParameters = nan } }, Owner));
        Assert.Contains("economy.cpi_annual is NaN", e.Message);
    }

    [Fact]
    public async Task A_lever_with_an_unknown_path_a_NaN_or_a_value_beyond_its_bounds_is_refused_and_the_job_runs_on()
    {
        var spec = TestRuns.Spec();
        var job = PlaceJob.Of(spec, 0, 0, Place);
        var grain = await StartJob(job, TestRuns.NewRunId("bad-levers"));
        await grain.AdvanceMonth(Owner);

        var unknown = await Assert.ThrowsAsync<ArgumentException>(() =>
            grain.PullLever(new ParameterChange("national.benefits.upratng_annual", 1, ChangeOp.Set, 0, null, 1, "typo"), Owner));
        Assert.Contains("no parameter 'national.benefits.upratng_annual'", unknown.Message);
        var nan = await Assert.ThrowsAsync<ArgumentException>(() =>
            grain.PullLever(new ParameterChange("economy.cpi_annual", 1, ChangeOp.Set, double.NaN, null, 1, "nan"), Owner));
        Assert.Contains("no finite value", nan.Message);
        var huge = await Assert.ThrowsAsync<ArgumentException>(() =>
            grain.PullLever(new ParameterChange("economy.cpi_annual", 1, ChangeOp.Add, 1e300, null, 1, "huge"), Owner));
        Assert.Contains("expected -0.1 to 0.5", huge.Message);

        // None of them was taken: the job runs on as the pure loop does with no lever.
        var reference = new InProcessPlace(job);
        var clock = new PlaceClock(job);
        await clock.StepAsync(reference);
        var next = await grain.AdvanceMonth(Owner);
        Assert.Equal((await clock.StepAsync(reference)).Counters, next.Counters);
        await grain.Retire(Owner);
    }

    [Fact]
    public async Task Only_the_client_that_started_a_job_can_step_steer_or_retire_it()
    {
        var job = PlaceJob.Of(TestRuns.Spec(), 0, 0, Place);
        var grain = await StartJob(job, TestRuns.NewRunId("owner"));
        var stranger = Guid.NewGuid();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => grain.PullLever(UcCut(job.BurnInMonths + 1), stranger));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => grain.AdvanceMonth(stranger));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => grain.Retire(stranger));
        // The owner's job is untouched: its first month is the pure loop's.
        var first = await grain.AdvanceMonth(Owner);
        Assert.Equal((await new PlaceClock(job).StepAsync(new InProcessPlace(job))).Counters, first.Counters);
        await grain.Retire(Owner);
    }

    [Fact]
    public async Task Looking_up_a_household_of_an_unknown_job_leaves_no_activation()
    {
        var key = GrainKeys.Job(TestRuns.NewRunId("unknown"), Arm, Replication, "nowhere", 1);
        var grain = cluster.Client.GetGrain<IPlaceGrain>(key);
        var block = cluster.Client.GetGrain<IHouseholdBlockGrain>(GrainKeys.Block(key, 0));

        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.GetHousehold(3));
        await Assert.ThrowsAsync<InvalidOperationException>(() => block.GetHousehold(3));

        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        async Task<int> Activations() =>
            await management.GetGrainActivationCount((GrainReference)grain) + await management.GetGrainActivationCount((GrainReference)block);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await Activations() > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(0, await Activations());
    }

    [Fact]
    public async Task A_client_lists_the_runs_in_progress_and_cancels_its_own_run_which_is_not_run_again()
    {
        var spec = TestRuns.Spec();
        var runId = TestRuns.NewRunId("cancel");
        var registry = cluster.Client.GetGrain<IRunRegistryGrain>(ClusterDefaults.RunRegistryKey);
        var a = await StartJob(PlaceJob.Of(spec, 0, 0, Place), runId);
        var b = await StartJob(PlaceJob.Of(spec, 1, 0, Place), runId);
        await a.AdvanceMonth(Owner);

        var listed = Assert.Single(await registry.List(), r => r.RunId == runId);
        Assert.Equal((2, 2, false), (listed.Jobs, listed.Arms, listed.Cancelled));
        Assert.Equal([spec.Places[Place].Id], listed.Places);

        // Only its owner may cancel it; then its jobs stop at their next month, and a retry of one is refused.
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => registry.Cancel(runId, Guid.NewGuid()));
        Assert.Equal(2, await registry.Cancel(runId, Owner));
        Assert.True(Assert.Single(await registry.List(), r => r.RunId == runId).Cancelled);
        var stopped = await Assert.ThrowsAsync<RunCancelledException>(() => a.AdvanceMonth(Owner));
        Assert.Equal($"run {runId} was cancelled by its owner", stopped.Message);
        await Assert.ThrowsAsync<RunCancelledException>(() => b.PullLever(UcCut(spec.BurnInMonths + 1), Owner));
        var retry = cluster.Client.GetGrain<IPlaceGrain>(GrainKeys.Job(runId, 0, 0, spec.Places[Place].Id, 2));
        await Assert.ThrowsAsync<RunCancelledException>(() => retry.Start(PlaceJob.Of(spec, 0, 0, Place), Owner));

        // Retired, the jobs leave the list; a run the cluster does not list cancels nothing.
        await a.Retire(Owner);
        await b.Retire(Owner);
        Assert.DoesNotContain(await registry.List(), r => r.RunId == runId);
        Assert.Equal(0, await registry.Cancel(TestRuns.NewRunId("never-started"), Owner));
    }

    [Fact]
    public void A_job_key_names_its_run()
    {
        Assert.Equal("my/run-7", GrainKeys.RunOf(GrainKeys.Job("my/run-7", 1, 2, "like-middlesbrough", 3)));
        Assert.Throws<ArgumentException>(() => GrainKeys.RunOf("not-a-job-key"));
    }

    [Fact]
    public async Task A_job_forks_only_from_its_owners_job_of_its_place_and_replication_before_any_lever_and_goes_on_as_if_run_alone()
    {
        var spec = TestRuns.Spec();
        var runId = TestRuns.NewRunId("fork");
        var first = PlaceJob.Of(spec, 0, 0, Place);
        var leader = await StartJob(first, runId);
        for (var i = 0; i < spec.BurnInMonths; i++) await leader.AdvanceMonth(Owner);
        IPlaceGrain Grain(PlaceJob job, int attempt) => cluster.Client.GetGrain<IPlaceGrain>(GrainKeys.Job(runId, job.Arm, job.Replication, job.Place.Id, attempt));

        // Another replication is other households: refused.
        var otherReplication = PlaceJob.Of(spec, 1, 1, Place);
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Grain(otherReplication, 1).Fork(otherReplication, Owner, leader));
        Assert.Contains("is not the same place, replication and run", e.Message);
        // Another client (another owner secret) cannot copy this client's job.
        var job = PlaceJob.Of(spec, 1, 0, Place);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Grain(job, 1).Fork(job, Guid.NewGuid(), leader));

        // The second arm, at month 0: it goes on as the pure loop runs it from its start.
        var forked = Grain(job, 2);
        await forked.Fork(job, Owner, leader);
        var reference = new InProcessPlace(job);
        var clock = new PlaceClock(job);
        for (var i = 0; i < spec.BurnInMonths; i++) await clock.StepAsync(reference);
        for (var i = 0; i < 6; i++)
        {
            var expected = await clock.StepAsync(reference);
            var actual = await forked.AdvanceMonth(Owner);
            Assert.Equal(expected.Month, actual.Month);
            Assert.Equal(expected.Counters, actual.Counters);
        }

        // Past the second arm's first lever (caseworkers from 2025-06, month 2) the two have parted: refused.
        for (var i = 0; i < 3; i++) await leader.AdvanceMonth(Owner);
        e = await Assert.ThrowsAsync<ArgumentException>(() => Grain(job, 3).Fork(job, Owner, leader));
        Assert.Contains("before month 3", e.Message);
        await forked.Retire(Owner);
        await leader.Retire(Owner);
    }

    private async Task<IPlaceGrain> StartJob(PlaceJob job, string runId)
    {
        var grain = cluster.Client.GetGrain<IPlaceGrain>(GrainKeys.Job(runId, job.Arm, job.Replication, job.Place.Id, 1));
        await grain.Start(job, Owner);
        return grain;
    }
}
