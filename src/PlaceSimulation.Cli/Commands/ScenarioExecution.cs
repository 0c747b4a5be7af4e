using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using PlaceSimulation.Cli.Hosting;
using PlaceSimulation.Cli.Terminal;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Reports.Files;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Runs;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Cli.Commands;

/// <summary>
/// The outcome of running a scenario: what the pipeline did, and the run's result table
/// unless the caller asked for none (a sweep reads its journal point by point instead).
/// </summary>
public sealed record Execution(ResultTable? KeptTable, RunOutcome Outcome)
{
    public ResultTable Table => KeptTable ?? throw new InvalidOperationException("this run was asked to keep no result table");

    public double SimulationSeconds => Outcome.Seconds;
    public string Cluster => Outcome.Engine;
    public int Silos => Outcome.Silos;

    /// <summary>What manifest.json records of the run.</summary>
    public RunInfo Info(string commandLine, DateTimeOffset started, double wallSeconds) =>
        new(commandLine, ProgramVersion.Text, Cluster, Silos, Environment.ProcessorCount, started, wallSeconds, SimulationSeconds,
            Outcome.Jobs, Outcome.JobsResumed, Outcome.JobsRerun, Outcome.JobsForked, Outcome.HouseholdMonthsShared);
}

/// <summary>
/// Runs a validated scenario through the run pipeline on the embedded silo, or on a running
/// cluster, with the progress bar and the result table as its sinks.
/// </summary>
public static class ScenarioExecution
{
    public const string Embedded = "embedded (localhost clustering)";

    /// <summary>Runs on <paramref name="cluster"/>, or on an embedded silo when it is null; journals finished jobs when given a journal.</summary>
    /// <param name="keepTable">build the run's result table (a sweep reads the journal its own way)</param>
    public static async Task<Execution> RunAsync(Scenario scenario, ClusterTarget? cluster, RunJournal? journal, CancellationToken cancel, bool keepTable = true)
    {
        if (cluster is null)
        {
            await using var embedded = await EmbeddedCluster.StartAsync(cancel);
            return await RunOnAsync(new OrleansEngine(embedded.Client, Embedded), scenario, journal, cancel, keepTable);
        }
        using var host = await cluster.ConnectAsync(cancel);
        try
        {
            return await RunOnAsync(new OrleansEngine(host.Services.GetRequiredService<IClusterClient>(), cluster.Describe()), scenario, journal, cancel, keepTable);
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

    /// <summary>
    /// A run of many points (sweep, uncertainty): begins or resumes the journal beside
    /// <paramref name="outDir"/>, runs <paramref name="spec"/> through the pipeline without
    /// building a result table, and turns every failure into one sentence and its exit code.
    /// Returns the execution and journal, or the exit code when it did not run to the end.
    /// </summary>
    /// <param name="what">how the failure sentence names the work ("the sweep")</param>
    /// <param name="again">what to type to continue it</param>
    public static async Task<(Execution? Execution, RunJournal? Journal, int Exit)> RunJournaledAsync(Scenario scenario, RunSpec spec, string outDir,
        bool resume, ClusterTarget? cluster, string what, string again, CancellationToken cancel)
    {
        RunJournal journal;
        try
        {
            journal = resume ? RunJournal.Resume(outDir, spec) : RunJournal.Begin(outDir, spec);
        }
        catch (ResumeException e)
        {
            return (null, null, Errors.BadInput(e.Message));
        }
        try
        {
            return (await RunAsync(scenario with { Spec = spec }, cluster, journal, cancel, keepTable: false), journal, ExitCodes.Ok);
        }
        catch (ClusterUnreachableException e)
        {
            return (null, null, Errors.Failed($"{e.Message}. Nothing was run."));
        }
        catch (RunFailedException e)
        {
            return (null, null, Errors.Failed($"{what} failed: {e.Message}. Nothing was written. {again}"));
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return (null, null, Errors.Interrupted($"nothing was written. {again}"));
        }
    }

    /// <summary>Runs on an embedded silo already started (placesim compare runs several scenarios on one).</summary>
    public static Task<Execution> RunAsync(EmbeddedCluster cluster, Scenario scenario, RunJournal? journal, CancellationToken cancel) =>
        RunOnAsync(new OrleansEngine(cluster.Client, Embedded), scenario, journal, cancel);

    private static async Task<Execution> RunOnAsync(IRunEngine engine, Scenario scenario, RunJournal? journal, CancellationToken cancel, bool keepTable = true)
    {
        var spec = scenario.Spec;
        // With a journal, the counters go to disk job by job and the table reads them back from
        // there: the client's memory does not grow with the run's results. Without, they are kept here.
        var results = journal is null ? new ResultsSink(spec) : null;
        var progress = new ProgressSink(spec);
        var notes = new ConcurrentQueue<string>();
        IRunSink sink = results is null ? progress : new Sinks(results, progress);
        var run = RunPipeline.RunAsync(spec, engine, sink, journal, note: notes.Enqueue, cancel: cancel);
        try
        {
            await RunProgressBar.FollowAsync(progress, run, scenario.Title);
            var outcome = await run;
            if (outcome.JobsResumed > 0) Errors.Note($"Resumed: {outcome.JobsResumed} of {outcome.Jobs} jobs came from the interrupted run.");
            if (outcome.JobsRerun > 0) Errors.Note($"{outcome.JobsRerun} attempt(s) at a job failed and were run again; the results are those of a run with no fault.");
            if (!keepTable) return new Execution(null, outcome);
            try
            {
                var table = results is not null
                    ? ResultTable.From(spec, results.Results)
                    : ResultTable.FromJobs(spec, (a, r, p) => journal!.Read(PlaceJob.Of(spec, a, r, p))
                        ?? throw new IOException($"the journal lost the counters of arm {a + 1}, replication {r + 1}, place {spec.Places[p].Id}"));
                return new Execution(table, outcome);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new RunFailedException($"reading the run's results back from {journal?.Folder} failed: {e.Message}");
            }
        }
        finally
        {
            // Every failed attempt is noted; a lost silo can cost dozens, so the first few say what happened.
            const int shown = 8;
            foreach (var n in notes.Take(shown)) Console.Error.WriteLine($"note: {n}");
            if (notes.Count > shown) Console.Error.WriteLine($"note: and {notes.Count - shown} more failed attempt(s), each run again");
        }
    }
}
