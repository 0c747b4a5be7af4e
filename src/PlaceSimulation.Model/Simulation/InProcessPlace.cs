using PlaceSimulation.Model.Households;
using PlaceSimulation.Model.Services;

namespace PlaceSimulation.Model.Simulation;

/// <summary>
/// A place hosted in this process, on the calling thread: the pure model loop with no
/// Orleans (the reference the grains are tested against, and the benchmark's baseline).
/// </summary>
public sealed class InProcessPlace : IPlaceRuntime
{
    private readonly HouseholdBlock[] _blocks;
    private readonly ServiceDesk[] _desks;

    public InProcessPlace(PlaceJob job)
    {
        var place = job.Place;
        Blocks = BlockRange.Split(place.SimulatedHouseholds, job.HouseholdsPerGrain);
        var key = Randomness.CounterRng.ReplicationKey(job.Seed, job.Replication);
        _blocks = Blocks.Select(b => HouseholdBlock.Create(b.FirstId, b.Count, key, place.Key, place.BaseParameters)).ToArray();
        _desks = ServiceKinds.All.Select(s => new ServiceDesk(s)).ToArray();
    }

    private InProcessPlace(IReadOnlyList<BlockRange> blocks, HouseholdBlock[] households, ServiceDesk[] desks)
    {
        Blocks = blocks;
        _blocks = households;
        _desks = desks;
    }

    /// <summary>A copy of this place as it stands between months, for another job that shares the months run so far (<see cref="PlaceClock.SharedSteps"/>).</summary>
    public InProcessPlace Fork() => new(Blocks, _blocks.Select(b => b.Fork()).ToArray(), _desks.Select(d => d.Fork()).ToArray());

    public IReadOnlyList<BlockRange> Blocks { get; }

    public Household Household(int id) => _blocks[Array.FindIndex(_blocks, b => id >= b.FirstId && id < b.FirstId + b.Count)].Get(id);

    public Task<IReadOnlyList<BlockRequests>> UpdateHouseholdsAsync(MonthContext ctx) =>
        Task.FromResult<IReadOnlyList<BlockRequests>>(_blocks.Select(b => b.Update(ctx)).ToArray());

    public Task<ServiceDecision> DecideAsync(MonthContext ctx, ServiceKind service, double capacitySimulated, int[] households, int[] priorities) =>
        Task.FromResult(_desks[(int)service].Decide(capacitySimulated, households, priorities, ctx.ReplicationKey, ctx.PlaceKey, ctx.Month));

    public Task<IReadOnlyList<long[]>> ApplyOutcomesAsync(MonthContext ctx, IReadOnlyList<BlockGrants> grants) =>
        Task.FromResult<IReadOnlyList<long[]>>(_blocks.Select((b, i) => b.Apply(ctx, grants[i])).ToArray());
}
