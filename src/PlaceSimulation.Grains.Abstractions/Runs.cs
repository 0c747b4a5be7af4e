namespace PlaceSimulation.Grains;

/// <summary>
/// The cluster's list of runs in progress (docs/CLIENT.md): every place job registers when it
/// starts and leaves when it is retired or released, so a client or an operator can see what
/// the cluster is running and the client that owns a run can cancel it. One activation, under
/// <see cref="ClusterDefaults.RunRegistryKey"/>; it keeps no state on disk, so if its silo is
/// lost the list starts again with the jobs that start after.
/// </summary>
[Alias("ps.IRunRegistryGrain")]
public interface IRunRegistryGrain : IGrainWithStringKey
{
    /// <summary>Adds a started job; false (and nothing added) if its run has been cancelled.</summary>
    [Alias("Register")] Task<bool> Register(RunJobEntry job);

    /// <summary>Removes a job that was retired or released (nothing if it is not listed).</summary>
    [Alias("Unregister")] Task Unregister(string jobKey);

    /// <summary>The runs in progress, oldest first.</summary>
    [Alias("List")] Task<IReadOnlyList<RunListing>> List();

    /// <summary>
    /// Cancels a run for its owner: its jobs stop at their next month with a <see cref="RunCancelledException"/>
    /// and a job of the run started again (a retry) is refused. The number of jobs told; 0 if the
    /// cluster lists no job of the run. Refused (UnauthorizedAccessException) for anyone but the owner.
    /// </summary>
    [Alias("Cancel")] Task<int> Cancel(string runId, Guid owner);
}

/// <summary>One place job of a run, as the registry keeps it (the owner secret only as a hash).</summary>
[GenerateSerializer, Immutable, Alias("ps.RunJobEntry")]
public sealed record RunJobEntry(
    [property: Id(0)] string RunId,
    [property: Id(1)] string JobKey,
    [property: Id(2)] string OwnerHash,
    [property: Id(3)] string Place,
    [property: Id(4)] int Arm,
    [property: Id(5)] int Replication,
    [property: Id(6)] int Months,
    [property: Id(7)] DateTime StartedUtc);

/// <summary>A run in progress: its id, its jobs running now, the places and arms they cover, and since when.</summary>
[GenerateSerializer, Immutable, Alias("ps.RunListing")]
public sealed record RunListing(
    [property: Id(0)] string RunId,
    [property: Id(1)] int Jobs,
    [property: Id(2)] IReadOnlyList<string> Places,
    [property: Id(3)] int Arms,
    [property: Id(4)] DateTime StartedUtc,
    [property: Id(5)] bool Cancelled);

/// <summary>The run was cancelled by its owner: its jobs do not go on, and are not run again.</summary>
[GenerateSerializer, Alias("ps.RunCancelledException")]
public sealed class RunCancelledException : Exception
{
    public RunCancelledException() { }
    public RunCancelledException(string message) : base(message) { }
    public RunCancelledException(string message, Exception inner) : base(message, inner) { }
}
