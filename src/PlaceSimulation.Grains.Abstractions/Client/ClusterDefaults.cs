using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Grains;

/// <summary>
/// What a client outside this repository needs to drive a PlaceSimulation cluster from the
/// abstractions alone (docs/CLIENT.md): the cluster and service ids <c>placesim silo</c> uses
/// unless told otherwise, how long to wait for a call and how often to call, and the shipped
/// parameters (<c>new ModelParameters()</c> is all zeros, which a silo refuses).
/// </summary>
public static class ClusterDefaults
{
    /// <summary>The cluster id of <c>placesim silo</c> and <c>placesim run --cluster</c> (option <c>--cluster-id</c>).</summary>
    public const string ClusterId = "placesim";

    /// <summary>The service id of <c>placesim silo</c> (option <c>--service-id</c>).</summary>
    public const string ServiceId = "placesim";

    /// <summary>The key of the cluster's run registry (<see cref="IRunRegistryGrain"/>): list runs, cancel your own.</summary>
    public const string RunRegistryKey = "runs";

    /// <summary>How a run's owner secret is kept by the registry: a SHA-256, never the secret itself.</summary>
    public static string OwnerHash(Guid owner) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(owner.ToByteArray()));

    /// <summary>A grain call that has not answered in this long has failed: run the job again under a new attempt key.</summary>
    public static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(60);

    /// <summary>A job's grains are released when no call has reached them for this long: step a job at least this often.</summary>
    public static readonly TimeSpan IdleRelease = TimeSpan.FromSeconds(40);

    /// <summary>The shipped parameters: every parameter's value from parameters/*.yaml, each within its bounds.</summary>
    public static ModelParameters Parameters() => ParameterCatalogue.Embedded.Defaults();

    /// <summary>Every parameter with its value, unit, bounds and source, by path (e.g. "economy.cpi_annual").</summary>
    public static IReadOnlyDictionary<string, ParameterInfo> Catalogue => ParameterCatalogue.Embedded.Parameters;
}
