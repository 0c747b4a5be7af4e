using Orleans.Configuration;

namespace PlaceSimulation.Grains;

/// <summary>
/// Silo settings every host of PlaceSimulation grains shares: the CLI's embedded silo,
/// <c>placesim silo</c> processes and test clusters. Messages and response timeouts keep
/// Orleans' defaults (a month of one place is one short call, and results stream month by
/// month, so nothing needs more); membership keeps Orleans' failure detection (a silo that
/// stops answering probes is declared dead after about 3 missed probes of 5 s each).
/// </summary>
public static class SiloDefaults
{
    /// <summary>
    /// A job's grains are released when they have had no call for this long: the run's client
    /// drives every month, so a client that died or gave up leaves idle grains, and they go.
    /// </summary>
    public static readonly TimeSpan IdleRelease = ClusterDefaults.IdleRelease;

    /// <summary>How often the silo looks for idle grains; with <see cref="IdleRelease"/>, a run's grains are gone within a minute.</summary>
    public static readonly TimeSpan CollectionQuantum = TimeSpan.FromSeconds(10);

    public static void Apply(ISiloBuilder silo) =>
        silo.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionAge = IdleRelease;
            o.CollectionQuantum = CollectionQuantum;
        });
}
