using System.Diagnostics;
using PlaceSimulation.Cli.Hosting;
using PlaceSimulation.Cli.Terminal;
using PlaceSimulation.Grains;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Cli.Commands;

/// <summary>The outcome of running a scenario on a cluster.</summary>
public sealed record Execution(RunResults Results, double SimulationSeconds, string Cluster, int Silos);

/// <summary>Runs a validated scenario on the embedded silo, following its progress.</summary>
public static class ScenarioExecution
{
    public static async Task<Execution> RunAsync(Scenario scenario, CancellationToken cancel)
    {
        await using var cluster = await EmbeddedCluster.StartAsync(cancel);
        return await RunAsync(cluster, scenario, cancel);
    }

    /// <summary>Runs on a cluster already started (placesim compare runs several scenarios on one).</summary>
    public static async Task<Execution> RunAsync(EmbeddedCluster cluster, Scenario scenario, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var run = cluster.Client.GetGrain<ISimulationGrain>($"{scenario.Name}-{Guid.NewGuid():N}");
        await run.Start(scenario.Spec);
        var progress = await RunProgressBar.FollowAsync(run, scenario.Title, cancel);
        if (progress.Error is not null) throw new RunFailedException(progress.Error);
        var results = await run.GetResults();
        return new Execution(results, clock.Elapsed.TotalSeconds, "embedded (localhost clustering)", 1);
    }
}

public sealed class RunFailedException(string message) : Exception(message);
