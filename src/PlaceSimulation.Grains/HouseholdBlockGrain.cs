using PlaceSimulation.Model.Households;
using PlaceSimulation.Model.Services;
using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Grains;

/// <summary>Hosts a <see cref="HouseholdBlock"/>: one grain call updates all its households in a plain loop.</summary>
public sealed class HouseholdBlockGrain : Grain, IHouseholdBlockGrain
{
    private HouseholdBlock? _block;

    public Task Initialise(BlockSetup setup)
    {
        if (_block is not null) throw new InvalidOperationException($"block {this.GetPrimaryKeyString()} has already been initialised");
        _block = HouseholdBlock.Create(setup.FirstId, setup.Count, setup.ReplicationKey, setup.PlaceKey, setup.BaseParameters);
        return Task.CompletedTask;
    }

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

    private HouseholdBlock Block => _block ?? throw new InvalidOperationException(
        $"block {this.GetPrimaryKeyString()} has no state here (not initialised, or its activation was lost)");
}
