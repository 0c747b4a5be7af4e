using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Grains;

/// <summary>Holds the national levers of one arm and replication; places read them each month.</summary>
public sealed class NationalPolicyGrain : Grain, INationalPolicyGrain
{
    private readonly List<ParameterChange> _changes = new();
    private int _version;

    public Task Initialise(ParameterChange[] changes)
    {
        _changes.Clear();
        _changes.AddRange(changes);
        _version++;
        return Task.CompletedTask;
    }

    public Task<int> GetVersion() => Task.FromResult(_version);

    public Task<PolicyTimeline> GetTimeline() => Task.FromResult(new PolicyTimeline(_version, _changes.ToArray()));

    public Task PullLever(ParameterChange change)
    {
        if (change.IsLocal) throw new ArgumentException($"'{change.Path}' is a local lever: pull it on the place, not the nation");
        _changes.Add(change);
        _version++;
        return Task.CompletedTask;
    }
}
