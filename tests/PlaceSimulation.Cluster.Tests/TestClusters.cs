using Orleans.TestingHost;
using PlaceSimulation.Grains;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Runs;

namespace PlaceSimulation.Cluster.Tests;

/// <summary>In-process Orleans test clusters with the silo settings every PlaceSimulation host uses.</summary>
public static class TestClusters
{
    public static async Task<InProcessTestCluster> StartAsync(int silos)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) => SiloDefaults.Apply(silo));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Runs a spec on a cluster through the run pipeline, as the CLI does, and returns its counters.</summary>
    public static async Task<RunResults> RunAsync(IClusterClient client, RunSpec spec)
    {
        var sink = new ResultsSink(spec);
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3)); // a guard against a hung run, not a timing assertion
        await RunPipeline.RunAsync(spec, new OrleansEngine(client, "test cluster"), sink, cancel: guard.Token);
        return sink.Results;
    }
}

/// <summary>One three-silo test cluster shared by the tests of a class.</summary>
public sealed class ThreeSiloCluster : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await TestClusters.StartAsync(3);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
