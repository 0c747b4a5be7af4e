using Orleans.TestingHost;
using PlaceSimulation.Grains;
using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Cluster.Tests;

/// <summary>In-process Orleans test clusters with the silo settings every PlaceSimulation host uses.</summary>
public static class TestClusters
{
    public static async Task<InProcessTestCluster> StartAsync(int silos)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) => SiloDefaults.Apply(silo));
        builder.ConfigureClient(SiloDefaults.Apply);
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Runs a spec on a cluster through the simulation grain, as the CLI does, and returns its counters.</summary>
    public static async Task<RunResults> RunAsync(IClusterClient client, RunSpec spec)
    {
        var run = client.GetGrain<ISimulationGrain>($"test-{Guid.NewGuid():N}");
        await run.Start(spec);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        RunProgress progress;
        while (!(progress = await run.GetProgress()).Finished)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"run did not finish: {progress.PlaceMonthsDone} of {progress.PlaceMonthsTotal} place-months");
            await Task.Delay(50);
        }
        Assert.Null(progress.Error);
        return await run.GetResults();
    }
}

/// <summary>One three-silo test cluster shared by the tests of a class.</summary>
public sealed class ThreeSiloCluster : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await TestClusters.StartAsync(3);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
