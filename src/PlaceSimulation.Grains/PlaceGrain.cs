using PlaceSimulation.Model.Randomness;
using PlaceSimulation.Model.Services;
using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Grains;

/// <summary>
/// One job: a place in one arm and replication. It steps the place's clock month by month
/// through the model's <see cref="MonthlyTick"/>, acting as its runtime: phases 2 and 4 fan
/// out to the household block grains and wait for all (the barrier), phase 3 calls the
/// service grains. Requests and grants travel as one batch per block and service. It holds
/// only what its job carries (its own place's parameters and levers): nothing is read from
/// another grain that could have lost its state.
/// </summary>
public sealed class PlaceGrain : Grain, IPlaceGrain, IPlaceRuntime
{
    private PlaceJob? _job;
    private PlaceClock? _clock;
    private IHouseholdBlockGrain[] _blockGrains = [];
    private IServiceGrain[] _serviceGrains = [];

    public IReadOnlyList<BlockRange> Blocks { get; private set; } = [];

    public async Task Start(PlaceJob job)
    {
        var key = this.GetPrimaryKeyString();
        if (_job is not null) throw new InvalidOperationException($"job {key} has already started");
        if (job.Problem() is { } problem) throw new ArgumentException($"job {key} cannot run: {problem}");
        Blocks = BlockRange.Split(job.Place.SimulatedHouseholds, job.HouseholdsPerGrain);
        _blockGrains = Blocks.Select((_, i) => GrainFactory.GetGrain<IHouseholdBlockGrain>(GrainKeys.Block(key, i))).ToArray();
        _serviceGrains = ServiceKinds.All.Select(s => GrainFactory.GetGrain<IServiceGrain>(GrainKeys.Service(key, s))).ToArray();

        var replicationKey = CounterRng.ReplicationKey(job.Seed, job.Replication);
        var place = job.Place;
        await Task.WhenAll(Blocks.Select((b, i) =>
                _blockGrains[i].Initialise(new BlockSetup(b.FirstId, b.Count, replicationKey, place.Key, place.BaseParameters)))
            .Concat(_serviceGrains.Select(s => s.Start(job.FirstMonth))));
        _clock = new PlaceClock(job);
        _job = job;
    }

    public async Task<PlaceMonthReport> AdvanceMonth()
    {
        var clock = Clock;
        var result = await clock.StepAsync(this);
        return new PlaceMonthReport(result.Month, result.Counters, clock.Finished);
    }

    public Task PullLever(ParameterChange change)
    {
        var clock = Clock;
        if (change.FromMonth < clock.Month)
            throw new ArgumentException($"a lever from month {change.FromMonth} cannot be pulled at month {clock.Month}: months already run do not change");
        if (change.Place is not null && change.Place != _job!.Place.Id)
            throw new ArgumentException($"the lever is for place {change.Place}, not {_job.Place.Id}");
        clock.Timeline.Add(change);
        return Task.CompletedTask;
    }

    public Task<HouseholdView> GetHousehold(int id)
    {
        _ = Clock;
        var b = Blocks.ToList().FindIndex(r => id >= r.FirstId && id < r.EndId);
        if (b < 0) throw new ArgumentOutOfRangeException(nameof(id), $"no household {id} in this place");
        return _blockGrains[b].GetHousehold(id);
    }

    public async Task Retire()
    {
        await Task.WhenAll(_blockGrains.Select(g => g.Retire()).Concat(_serviceGrains.Select(g => g.Retire())));
        DeactivateOnIdle();
    }

    /// <summary>A new activation under a started job's key means the job's state is gone: say so, never start afresh.</summary>
    private PlaceClock Clock => _clock ?? throw new InvalidOperationException(
        $"job {this.GetPrimaryKeyString()} has no state here (not started, or its activation was lost): run it again");

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
