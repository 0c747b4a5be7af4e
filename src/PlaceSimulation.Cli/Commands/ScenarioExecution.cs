using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PlaceSimulation.Cli.Hosting;
using PlaceSimulation.Cli.Terminal;
using PlaceSimulation.Grains;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Cli.Commands;

/// <summary>The outcome of running a scenario on a cluster.</summary>
public sealed record Execution(RunResults Results, double SimulationSeconds, string Cluster, int Silos);

/// <summary>Runs a validated scenario on the embedded silo, or on a running cluster, following its progress.</summary>
public static class ScenarioExecution
{
    public const string Embedded = "embedded (localhost clustering)";

    /// <summary>Runs on <paramref name="cluster"/>, or on an embedded silo when it is null.</summary>
    public static async Task<Execution> RunAsync(Scenario scenario, ClusterTarget? cluster, CancellationToken cancel)
    {
        if (cluster is null)
        {
            await using var embedded = await EmbeddedCluster.StartAsync(cancel);
            return await RunAsync(embedded, scenario, cancel);
        }
        using var host = await cluster.ConnectAsync(cancel);
        try
        {
            return await RunOnAsync(host.Services.GetRequiredService<IClusterClient>(), scenario, cluster.Describe(), cancel);
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await host.StopAsync(stop.Token);
        }
    }

    public static Task<Execution> RunAsync(Scenario scenario, CancellationToken cancel) => RunAsync(scenario, null, cancel);

    /// <summary>Runs on an embedded silo already started (placesim compare runs several scenarios on one).</summary>
    public static Task<Execution> RunAsync(EmbeddedCluster cluster, Scenario scenario, CancellationToken cancel) =>
        RunOnAsync(cluster.Client, scenario, Embedded, cancel);

    private static async Task<Execution> RunOnAsync(IClusterClient client, Scenario scenario, string clusterName, CancellationToken cancel)
    {
        var silos = await ClusterTarget.ActiveSilosAsync(client);
        var clock = Stopwatch.StartNew();
        var run = client.GetGrain<ISimulationGrain>($"{scenario.Name}-{Guid.NewGuid():N}");
        await run.Start(scenario.Spec);
        var progress = await RunProgressBar.FollowAsync(run, scenario.Title, cancel);
        if (progress.Error is not null) throw new RunFailedException(progress.Error);
        var results = await run.GetResults();
        return new Execution(results, clock.Elapsed.TotalSeconds, clusterName, silos);
    }
}

public sealed class RunFailedException(string message) : Exception(message);
