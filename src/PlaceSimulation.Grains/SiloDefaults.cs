using Orleans.Configuration;

namespace PlaceSimulation.Grains;

/// <summary>
/// Silo settings every host of PlaceSimulation grains shares: the CLI's embedded silo,
/// <c>placesim silo</c> processes and test clusters.
/// </summary>
public static class SiloDefaults
{
    /// <summary>Largest message: the results of a big run travel to the client as one message.</summary>
    public const int MaxMessageBodySize = 1024 * 1024 * 1024;

    /// <summary>A month of a large place is one long grain call.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromMinutes(30);

    public static void Apply(ISiloBuilder silo)
    {
        silo.Configure<SiloMessagingOptions>(o =>
        {
            o.ResponseTimeout = ResponseTimeout;
            o.MaxMessageBodySize = MaxMessageBodySize;
        });
        silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(30));
    }

    /// <summary>The matching settings for a client that attaches to a cluster.</summary>
    public static void Apply(IClientBuilder client) =>
        client.Configure<ClientMessagingOptions>(o =>
        {
            o.ResponseTimeout = ResponseTimeout;
            o.MaxMessageBodySize = MaxMessageBodySize;
        });
}
