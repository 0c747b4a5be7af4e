using Orleans.Configuration;

namespace PlaceSimulation.Grains;

/// <summary>
/// Silo settings every host of PlaceSimulation grains shares: the CLI's embedded silo and
/// the test cluster, so the grains are tested as they run.
/// </summary>
public static class SiloDefaults
{
    public static void Apply(ISiloBuilder silo)
    {
        // A month of a large place is one long grain call; results of a big run are one large message.
        silo.Configure<SiloMessagingOptions>(o =>
        {
            o.ResponseTimeout = TimeSpan.FromMinutes(30);
            o.MaxMessageBodySize = 1024 * 1024 * 1024;
        });
        silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(30));
    }
}
