using System.CommandLine;
using System.Diagnostics;
using PlaceSimulation.Cli.Hosting;
using PlaceSimulation.Cli.Terminal;
using PlaceSimulation.Reports.Charts;
using PlaceSimulation.Reports.Files;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;
using Spectre.Console;

namespace PlaceSimulation.Cli.Commands;

/// <summary>placesim run FILE: runs a scenario and writes timeseries.csv, summary.json, manifest.json and charts/.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("scenario") { Description = "Scenario file (YAML), e.g. scenarios/offset.yaml" };
        var output = new Option<string?>("--out") { Description = "Folder for the outputs (default: out/<scenario name>); replaced if it holds an earlier run" };
        var cluster = new Option<string?>("--cluster") { Description = "Run on a running cluster instead of an embedded silo: localhost:GATEWAY_PORT[,...] or redis:CONNECTION_STRING" };
        var clusterId = new Option<string>("--cluster-id") { Description = "Cluster id of the running cluster (as given to 'placesim silo')", DefaultValueFactory = _ => ClusterTarget.DefaultClusterId };
        var totalsOnly = new Option<bool>("--totals-only") { Description = "timeseries.csv keeps only the rows for all places together (place 'all'): for runs of many places" };
        var options = new ScenarioOptions();
        var command = new Command("run", "Run a scenario: every arm and replication, month by month; write data and charts") { file, output, cluster, clusterId, totalsOnly };
        options.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            ClusterTarget? target = null;
            if (parse.GetValue(cluster) is { } text)
            {
                try
                {
                    target = ClusterTarget.Parse(text, parse.GetValue(clusterId)!);
                }
                catch (FormatException e)
                {
                    return Errors.BadInput($"--cluster {e.Message}");
                }
            }
            return await ExecuteAsync(parse.GetValue(file)!, parse.GetValue(output), options.Read(parse), Environment.CommandLine, cancel, target, parse.GetValue(totalsOnly));
        });
        return command;
    }

    public static async Task<int> ExecuteAsync(string path, string? outDir, ScenarioOverrides overrides, string commandLine, CancellationToken cancel,
        ClusterTarget? cluster = null, bool totalsOnly = false)
    {
        var started = DateTimeOffset.Now;
        var wall = Stopwatch.StartNew();
        Scenario scenario;
        try
        {
            scenario = ScenarioLoader.Load(path, overrides);
        }
        catch (ScenarioException e)
        {
            return Errors.BadInput(e.Errors);
        }
        outDir ??= Path.Combine("out", scenario.Name);
        if (OutputFolder.Problem(outDir) is { } problem) return Errors.BadInput(problem);

        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(scenario.Title)}[/]");
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(scenario.Question)}[/]");
        var spec = scenario.Spec;
        if (cluster is not null) Errors.Note($"Attaching to {cluster.Describe()}");
        Errors.Note($"{spec.Arms.Count} arm(s) x {spec.Replications} replication(s) x {spec.Places.Count} place(s), {spec.TotalHouseholds:N0} households, {spec.Start} + {spec.Months} months, {spec.HouseholdsPerGrain:N0} households per grain");

        Execution execution;
        try
        {
            execution = await ScenarioExecution.RunAsync(scenario, cluster, cancel);
        }
        catch (ClusterUnreachableException e)
        {
            return Errors.Failed($"{e.Message}. Nothing was run.");
        }
        catch (RunFailedException e)
        {
            return Errors.Failed($"the run failed: {e.Message}. Nothing was written.");
        }

        var table = ResultTable.From(spec, execution.Results);
        using (var folder = OutputFolder.Begin(outDir))
        {
            TimeseriesCsv.Write(folder.PathOf("timeseries.csv"), table, totalsOnly);
            SummaryJson.Write(folder.PathOf("summary.json"), scenario, table);
            RunCharts.Write(scenario, table, Path.GetDirectoryName(folder.PathOf("charts/x"))!, ProgramVersion.Text);
            ManifestJson.Write(folder.PathOf("manifest.json"), scenario, new RunInfo(commandLine, ProgramVersion.Text,
                execution.Cluster, execution.Silos, Environment.ProcessorCount, started, wall.Elapsed.TotalSeconds, execution.SimulationSeconds));
            folder.Commit();
        }

        SummaryTable.Show(table);
        var householdMonths = (double)spec.TotalHouseholds * (spec.Months + spec.BurnInMonths) * spec.Arms.Count * spec.Replications;
        Errors.Note($"Simulated {householdMonths:N0} household-months in {execution.SimulationSeconds:F1} s ({householdMonths / execution.SimulationSeconds:N0} a second).");
        AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(outDir)}[/]: timeseries.csv, summary.json, manifest.json, charts/");
        return ExitCodes.Ok;
    }
}

/// <summary>The options that override a scenario file's values, shared by the commands that run scenarios.</summary>
public sealed class ScenarioOptions
{
    public Option<long?> Seed { get; } = new("--seed") { Description = "Random seed (same seed, same results)" };
    public Option<int?> Replications { get; } = new("--replications") { Description = "Replications per arm" };
    public Option<long?> Households { get; } = new("--households") { Description = "Simulated households in all, shared among the places" };
    public Option<int?> HouseholdsPerGrain { get; } = new("--households-per-grain") { Description = "Households hosted by one grain (1 = one grain per household)" };
    public Option<int?> Months { get; } = new("--months") { Description = "Months to run (not shorter than the scenario's levers)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Seed);
        command.Options.Add(Replications);
        command.Options.Add(Households);
        command.Options.Add(HouseholdsPerGrain);
        command.Options.Add(Months);
    }

    public ScenarioOverrides Read(ParseResult parse) => new(
        parse.GetValue(Seed), parse.GetValue(Replications), parse.GetValue(Households), parse.GetValue(HouseholdsPerGrain), parse.GetValue(Months));
}
