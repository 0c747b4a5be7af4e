namespace PlaceSimulation.Model.Services;

/// <summary>What a service decided in a month.</summary>
public sealed record ServiceDecision(ServiceKind Service, int[] Granted, int Demand, double Capacity);

/// <summary>
/// One service in one place: turns the month's capacity (in simulated contacts, possibly
/// fractional) into whole contacts, carrying the fraction to next month so that small
/// simulated samples still get their exact share over time, then allocates them. The state
/// a service grain hosts.
/// </summary>
public sealed class ServiceDesk(ServiceKind service, double carry = 0)
{
    private double _carry = carry;

    public ServiceKind Service { get; } = service;

    /// <summary>The fraction of a contact carried into next month: with the kind, all a desk holds between months.</summary>
    public double Carry => _carry;

    /// <summary>A desk that goes on from where this one stands (a job forked from another).</summary>
    public ServiceDesk Fork() => new(Service, _carry);

    public ServiceDecision Decide(double capacity, ReadOnlySpan<int> households, ReadOnlySpan<int> priorities,
        ulong replicationKey, ulong placeKey, int month)
    {
        var available = Math.Max(0, capacity) + _carry;
        var whole = (int)Math.Min(int.MaxValue, Math.Floor(available));
        // Unused capacity is not banked beyond the month's fraction: staff time not used is lost.
        _carry = available - whole;
        var granted = ServiceAllocation.Allocate(households, priorities, whole, replicationKey, placeKey, month, Service);
        return new ServiceDecision(Service, granted, households.Length, capacity);
    }
}
