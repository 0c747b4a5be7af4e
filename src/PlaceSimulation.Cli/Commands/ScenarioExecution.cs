using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using PlaceSimulation.Cli.Hosting;
using PlaceSimulation.Cli.Terminal;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Runs;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Cli.Commands;

/// <summary>The outcome of running a scenario: its counters and what the pipeline did.</summary>
public sealed record Execution(RunResults Results, RunOutcome Outcome)
{
    public double SimulationSeconds => Outcome.Seconds;
    public string Cluster => Outcome.Engine;
    public int Silos => Outcome.Silos;
}

/// <summary>
/// Runs a validated scenario through the run pipeline on the embedded silo, or on a running
/// cluster, with the progress bar and the result table as its sinks.
/// </summary>
public static class ScenarioExecution
{
    public const string Embedded = "embedded (localhost clustering)";

    /// <summary>Runs on <paramref name="cluster"/>, or on an embedded silo when it is null; journals finished jobs when given a journal.</summary>
    public static async Task<Execution> RunAsync(Scenario scenario, ClusterTarget? cluster, RunJournal? journal, CancellationToken cancel)
    {
        if (cluster is null)
        {
            await using var embedded = await EmbeddedCluster.StartAsync(cancel);
            return await RunAsync(embedded, scenario, journal, cancel);
        }
        using var host = await cluster.ConnectAsync(cancel);
        try
        {
            return await RunOnAsync(new OrleansEngine(host.Services.GetRequiredService<IClusterClient>(), cluster.Describe()), scenario, journal, cancel);
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await host.StopAsync(stop.Token);
            }
            catch (Exception)
            {
                // The cluster may be gone; the client is closed either way.
            }
        }
    }

    public static Task<Execution> RunAsync(Scenario scenario, CancellationToken cancel) => RunAsync(scenario, null, null, cancel);

    /// <summary>Runs on an embedded silo already started (placesim compare runs several scenarios on one).</summary>
    public static Task<Execution> RunAsync(EmbeddedCluster cluster, Scenario scenario, RunJournal? journal, CancellationToken cancel) =>
        RunOnAsync(new OrleansEngine(cluster.Client, Embedded), scenario, journal, cancel);

    private static async Task<Execution> RunOnAsync(IRunEngine engine, Scenario scenario, RunJournal? journal, CancellationToken cancel)
    {
        var spec = scenario.Spec;
        var results = new ResultsSink(spec);
        var progress = new ProgressSink(spec);
        var notes = new ConcurrentQueue<string>();
        var run = RunPipeline.RunAsync(spec, engine, new Sinks(results, progress), journal, note: notes.Enqueue, cancel: cancel);
        try
        {
            await RunProgressBar.FollowAsync(progress, run, scenario.Title);
            var outcome = await run;
            if (outcome.JobsResumed > 0) Errors.Note($"Resumed: {outcome.JobsResumed} of {outcome.Jobs} jobs came from the interrupted run.");
            if (outcome.JobsRerun > 0) Errors.Note($"{outcome.JobsRerun} attempt(s) at a job failed and were run again; the results are those of a run with no fault.");
            return new Execution(results.Results, outcome);
        }
        finally
        {
            foreach (var n in notes) Console.Error.WriteLine($"note: {n}");
        }
    }
}
