using PlaceSimulation.Model.Services;

namespace PlaceSimulation.Grains;

/// <summary>One service of one place: hosts a <see cref="ServiceDesk"/> (its carried capacity) between months.</summary>
public sealed class ServiceGrain : Grain, IServiceGrain
{
    private ServiceDesk? _desk;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var name = key[(key.LastIndexOf('/') + 1)..];
        var kind = ServiceKinds.All.FirstOrDefault(s => ServiceKinds.Name(s) == name, (ServiceKind)255);
        if ((byte)kind == 255) throw new ArgumentException($"'{key}' does not name a service");
        _desk = new ServiceDesk(kind);
        return Task.CompletedTask;
    }

    public Task<Immutable<ServiceDecision>> Decide(Immutable<ServiceCall> call)
    {
        var c = call.Value;
        var decision = _desk!.Decide(c.CapacitySimulated, c.Households, c.Priorities, c.ReplicationKey, c.PlaceKey, c.Month);
        return Task.FromResult(decision.AsImmutable());
    }

    public Task Retire()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
