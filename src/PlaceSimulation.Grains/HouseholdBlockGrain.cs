using Orleans.Placement;
using PlaceSimulation.Model.Households;
using PlaceSimulation.Model.Services;
using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Grains;

/// <summary>Hosts a <see cref="HouseholdBlock"/>: one grain call updates all its households in a plain loop.</summary>
// On the silo of the place grain that activates it: a job's block and service calls then
// stay in one process (nothing serialized); jobs, not blocks, spread over the silos. On two
// local silos an England-shaped run took 37% more CPU with blocks spread (docs/PERFORMANCE.md).
[PreferLocalPlacement]
public sealed class HouseholdBlockGrain : Grain, IHouseholdBlockGrain
{
    private HouseholdBlock? _block;

    public Task Initialise(BlockSetup setup)
    {
        if (_block is not null) throw new InvalidOperationException($"block {this.GetPrimaryKeyString()} has already been initialised");
        if (setup is null || setup.Count < 1 || setup.FirstId < 0 || (long)setup.FirstId + setup.Count > int.MaxValue || setup.BaseParameters is null)
        {
            DeactivateOnIdle();
            throw new ArgumentException($"block {this.GetPrimaryKeyString()}: a block holds 1 or more households with ids from 0");
        }
        _block = HouseholdBlock.Create(setup.FirstId, setup.Count, setup.ReplicationKey, setup.PlaceKey, setup.BaseParameters);
        return Task.CompletedTask;
    }

    public async Task Adopt(int firstId, int count, IHouseholdBlockGrain from)
    {
        if (_block is not null) throw new InvalidOperationException($"block {this.GetPrimaryKeyString()} has already been initialised");
        if (from is null || count < 1 || firstId < 0 || (long)firstId + count > int.MaxValue)
        {
            DeactivateOnIdle();
            throw new ArgumentException($"block {this.GetPrimaryKeyString()}: a block holds 1 or more households with ids from 0, copied from another block");
        }
        var state = await from.Export();
        try
        {
            _block = HouseholdBlock.FromState(firstId, count, state.Value);
        }
        catch (ArgumentException)
        {
            DeactivateOnIdle();
            throw;
        }
    }

    public Task<Immutable<byte[]>> Export() => Task.FromResult(Block.ExportState().AsImmutable());

    public Task<Immutable<BlockRequests>> Update(Immutable<MonthContext> context) =>
        Task.FromResult(Block.Update(context.Value).AsImmutable());

    public Task<Immutable<long[]>> Apply(Immutable<MonthContext> context, Immutable<BlockGrants> grants) =>
        Task.FromResult(Block.Apply(context.Value, grants.Value).AsImmutable());

    public Task<HouseholdView> GetHousehold(int id)
    {
        if (id < Block.FirstId || id >= Block.FirstId + Block.Count)
            throw new ArgumentOutOfRangeException(nameof(id), $"household {id} is not in this block ({Block.FirstId}..{Block.FirstId + Block.Count - 1})");
        return Task.FromResult(HouseholdView.From(Block.Get(id)));
    }

    public Task Retire()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <summary>The block's state; a call to a block that holds none fails and leaves no activation behind.</summary>
    private HouseholdBlock Block
    {
        get
        {
            if (_block is not null) return _block;
            DeactivateOnIdle();
            throw new InvalidOperationException($"block {this.GetPrimaryKeyString()} has no state here (not initialised, or its activation was lost)");
        }
    }
}
