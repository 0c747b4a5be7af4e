using PlaceSimulation.Model.Randomness;
using PlaceSimulation.Model.Services;
using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Grains;

/// <summary>
/// A place in one arm and replication. It steps the place's clock month by month through the
/// model's <see cref="MonthlyTick"/>, acting as its runtime: phase 2 and 4 fan out to the
/// household block grains and wait for all (the barrier), phase 3 calls the service grains.
/// Requests and grants travel as one batch per block and service.
/// </summary>
public sealed class PlaceGrain : Grain, IPlaceGrain, IPlaceRuntime
{
    private PlaceSetup? _setup;
    private PlaceClock? _clock;
    private INationalPolicyGrain? _national;
    private int _nationalVersion = -1;
    private IHouseholdBlockGrain[] _blockGrains = [];
    private IServiceGrain[] _serviceGrains = [];

    public IReadOnlyList<BlockRange> Blocks { get; private set; } = [];

    public async Task Initialise(PlaceSetup setup)
    {
        _setup = setup;
        var run = setup.Run;
        var place = run.Places[setup.Place];
        var key = this.GetPrimaryKeyString();
        _national = GrainFactory.GetGrain<INationalPolicyGrain>(setup.WorldKey);
        Blocks = BlockRange.Split(place.SimulatedHouseholds, run.HouseholdsPerGrain);
        _blockGrains = Blocks.Select((_, i) => GrainFactory.GetGrain<IHouseholdBlockGrain>(GrainKeys.Block(key, i))).ToArray();
        _serviceGrains = ServiceKinds.All.Select(s => GrainFactory.GetGrain<IServiceGrain>(GrainKeys.Service(key, s))).ToArray();

        var replicationKey = CounterRng.ReplicationKey(run.Seed, setup.Replication);
        await Task.WhenAll(Blocks.Select((b, i) =>
            _blockGrains[i].Initialise(new BlockSetup(b.FirstId, b.Count, replicationKey, place.Key, place.BaseParameters))));
        _clock = new PlaceClock(run, place, await BuildTimeline(), setup.Replication);
    }

    public async Task<PlaceMonthReport> AdvanceMonth()
    {
        var clock = _clock ?? throw new InvalidOperationException($"place {this.GetPrimaryKeyString()} was not initialised");
        // Phase 1 (levers): pick up any national lever pulled since last month.
        if (await _national!.GetVersion() != _nationalVersion) clock.UseTimeline(await BuildTimeline());
        var result = await clock.StepAsync(this);
        return new PlaceMonthReport(result.Month, result.Counters, clock.Finished);
    }

    public Task<HouseholdView> GetHousehold(int id)
    {
        var b = Array.FindIndex(Blocks.ToArray(), r => id >= r.FirstId && id < r.EndId);
        if (b < 0) throw new ArgumentOutOfRangeException(nameof(id), $"no household {id} in this place");
        return _blockGrains[b].GetHousehold(id);
    }

    public async Task Retire()
    {
        await Task.WhenAll(_blockGrains.Select(g => g.Retire()).Concat(_serviceGrains.Select(g => g.Retire())));
        DeactivateOnIdle();
    }

    private async Task<ParameterTimeline> BuildTimeline()
    {
        var setup = _setup!;
        var place = setup.Run.Places[setup.Place];
        var national = await _national!.GetTimeline();
        _nationalVersion = national.Version;
        var local = setup.Run.Arms[setup.Arm].Changes.Where(c => c.IsLocal);
        var changes = national.Changes.Concat(local).Where(c => c.Place is null || c.Place == place.Id);
        return new ParameterTimeline(place.BaseParameters, changes);
    }

    // IPlaceRuntime: the phases as grain calls.

    async Task<IReadOnlyList<BlockRequests>> IPlaceRuntime.UpdateHouseholdsAsync(MonthContext ctx)
    {
        var message = ctx.AsImmutable();
        var batches = await Task.WhenAll(_blockGrains.Select(g => g.Update(message)));
        return batches.Select(b => b.Value).ToArray();
    }

    async Task<ServiceDecision> IPlaceRuntime.DecideAsync(MonthContext ctx, ServiceKind service, double capacitySimulated, int[] households, int[] priorities)
    {
        var call = new ServiceCall(capacitySimulated, households, priorities, ctx.ReplicationKey, ctx.PlaceKey, ctx.Month);
        return (await _serviceGrains[(int)service].Decide(call.AsImmutable())).Value;
    }

    async Task<IReadOnlyList<long[]>> IPlaceRuntime.ApplyOutcomesAsync(MonthContext ctx, IReadOnlyList<BlockGrants> grants)
    {
        var message = ctx.AsImmutable();
        var parts = await Task.WhenAll(_blockGrains.Select((g, i) => g.Apply(message, grants[i].AsImmutable())));
        return parts.Select(p => p.Value).ToArray();
    }
}
