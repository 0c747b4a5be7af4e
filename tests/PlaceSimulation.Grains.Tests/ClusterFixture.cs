using Orleans.TestingHost;
using PlaceSimulation.Grains;

namespace PlaceSimulation.Grains.Tests;

/// <summary>
/// One in-process Orleans cluster shared by every grain test (starting one takes seconds).
/// Its silo is configured as the CLI's embedded silo is (<see cref="SiloDefaults"/>). Tests
/// keep apart by using their own run ids, which is itself what the grain keys promise.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public IClusterClient Client => _cluster?.Client ?? throw new InvalidOperationException("the cluster has not started");

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => SiloDefaults.Apply(silo));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
