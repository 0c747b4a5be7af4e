using Orleans.Placement;
using PlaceSimulation.Model.Services;

namespace PlaceSimulation.Grains;

/// <summary>
/// One service of one job: hosts a <see cref="ServiceDesk"/> (its carried capacity) between
/// months. The desk's carry is state, so the grain checks that the months it decides are
/// the ones that follow its start: an activation that lost its state fails loudly instead
/// of deciding with a fresh desk.
/// </summary>
// On the silo of the place grain that activates it: a job's block and service calls then
// stay in one process (nothing serialized); jobs, not blocks, spread over the silos. On two
// local silos an England-shaped run took 37% more CPU with blocks spread (docs/PERFORMANCE.md).
[PreferLocalPlacement]
public sealed class ServiceGrain : Grain, IServiceGrain
{
    private ServiceDesk? _desk;
    private int _next;

    public Task Start(int firstMonth) => StartAt(firstMonth, 0);

    public Task StartAt(int firstMonth, double carry)
    {
        var key = this.GetPrimaryKeyString();
        if (_desk is not null) throw new InvalidOperationException($"service {key} has already started");
        var name = key[(key.LastIndexOf('/') + 1)..];
        var kind = ServiceKinds.All.FirstOrDefault(s => ServiceKinds.Name(s) == name, (ServiceKind)255);
        if ((byte)kind == 255)
        {
            DeactivateOnIdle();
            throw new ArgumentException($"'{key}' does not name a service");
        }
        if (!double.IsFinite(carry) || carry < 0 || carry >= 1)
        {
            DeactivateOnIdle();
            throw new ArgumentException($"service {key}: a carried fraction of capacity is from 0 to below 1, not {carry}");
        }
        _desk = new ServiceDesk(kind, carry);
        _next = firstMonth;
        return Task.CompletedTask;
    }

    public Task<double> Carry()
    {
        if (_desk is not { } desk)
        {
            DeactivateOnIdle();
            throw new InvalidOperationException($"service {this.GetPrimaryKeyString()} has no state here (not started, or its activation was lost)");
        }
        return Task.FromResult(desk.Carry);
    }

    public Task<Immutable<ServiceDecision>> Decide(Immutable<ServiceCall> call)
    {
        var c = call.Value;
        var key = this.GetPrimaryKeyString();
        if (_desk is not { } desk)
        {
            DeactivateOnIdle();
            throw new InvalidOperationException($"service {key} has no state here (not started, or its activation was lost)");
        }
        if (c is null || c.Households is null || c.Priorities is null || c.Households.Length != c.Priorities.Length || !double.IsFinite(c.CapacitySimulated) || c.CapacitySimulated < 0)
            throw new ArgumentException($"service {key} was sent a malformed call");
        if (c.Month != _next) throw new InvalidOperationException($"service {key} expected month {_next}, was asked for month {c.Month}");
        var decision = desk.Decide(c.CapacitySimulated, c.Households, c.Priorities, c.ReplicationKey, c.PlaceKey, c.Month);
        _next++;
        return Task.FromResult(decision.AsImmutable());
    }

    public Task Retire()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
