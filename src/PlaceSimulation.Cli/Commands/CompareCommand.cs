using PlaceSimulation.Runs;
using System.CommandLine;
using System.Diagnostics;
using PlaceSimulation.Cli.Hosting;
using PlaceSimulation.Cli.Terminal;
using PlaceSimulation.Reports.Compare;
using PlaceSimulation.Reports.Files;
using PlaceSimulation.Reports.Offset;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;
using Spectre.Console;

namespace PlaceSimulation.Cli.Commands;

/// <summary>
/// placesim compare A.yaml B.yaml …: runs every scenario in full on one embedded silo and
/// writes them side by side: compare.csv, comparison charts, report.md, and each scenario's
/// own outputs in a subfolder. Every file is checked before anything runs.
/// </summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("scenarios") { Description = "Scenario files (YAML) to compare, e.g. scenarios/sanctions.yaml scenarios/welfare-cuts.yaml", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "Folder for the outputs (default: out/compare); replaced if it holds an earlier run" };
        var options = new ScenarioOptions();
        var cluster = new ClusterOptions();
        var command = new Command("compare", "Run several scenarios in full and compare their metrics side by side: compare.csv, charts and report.md") { files, output };
        options.AddTo(command);
        cluster.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            if (!cluster.TryRead(parse, out var target, out var bad)) return Errors.BadInput(bad!);
            return await ExecuteAsync(parse.GetValue(files)!, parse.GetValue(output), options.Read(parse), CommandLineText.AsTyped, cancel, target, cluster.TotalsOnly(parse));
        });
        return command;
    }

    /// <param name="cluster">a running cluster to attach to (null: one embedded silo for every scenario)</param>
    /// <param name="totalsOnly">each scenario's timeseries.csv keeps only the rows of all places together</param>
    public static async Task<int> ExecuteAsync(IReadOnlyList<string> paths, string? outDir, ScenarioOverrides overrides, string commandLine, CancellationToken cancel,
        ClusterTarget? cluster = null, bool totalsOnly = false)
    {
        if (paths.Count < 2)
            return Errors.BadInput($"compare needs at least two scenario files to put side by side; to run one scenario ({string.Join("", paths)}), use 'placesim run {string.Join("", paths)}'");
        var started = DateTimeOffset.Now;
        var wall = Stopwatch.StartNew();
        var scenarios = new List<Scenario>();
        var errors = new List<ScenarioError>();
        foreach (var path in paths)
        {
            try
            {
                scenarios.Add(ScenarioLoader.Load(path, overrides));
            }
            catch (ScenarioException e)
            {
                errors.AddRange(e.Errors);
            }
        }
        if (errors.Count > 0) return Errors.BadInput(errors);
        foreach (var s in scenarios)
            if (Designs.ArmsProblem(s) is { } arms) return Errors.BadInput(arms);
        outDir ??= Path.Combine("out", "compare");
        if (OutputFolder.Problem(outDir) is { } problem) return Errors.BadInput(problem);
        var names = UniqueNames(scenarios);

        var runs = new List<ComparedRun>();
        var infos = new Dictionary<string, RunInfo>();
        try
        {
            await using var embedded = cluster is null ? await EmbeddedCluster.StartAsync(cancel) : null;
            if (cluster is not null) Errors.Note($"Attaching to {cluster.Describe()}");
            for (var i = 0; i < scenarios.Count; i++)
            {
                var scenario = scenarios[i];
                RunCommand.ShowPlan(scenario);
                var runStarted = DateTimeOffset.Now;
                var clock = Stopwatch.StartNew();
                var execution = embedded is not null
                    ? await ScenarioExecution.RunAsync(embedded, scenario, null, cancel)
                    : await ScenarioExecution.RunAsync(scenario, cluster, null, cancel);
                var table = execution.Table;
                var offset = scenario.Offset is { } d ? OffsetAnalysis.Of(table, d) : null;
                runs.Add(new ComparedRun(names[i], scenario, table, offset));
                infos[names[i]] = execution.Info(commandLine, runStarted, clock.Elapsed.TotalSeconds);
            }
        }
        catch (ClusterUnreachableException e)
        {
            return Errors.Failed($"{e.Message}. Nothing was run.");
        }
        catch (RunFailedException e)
        {
            return Errors.Failed($"the run failed: {e.Message}. Nothing was written.");
        }

        var comparison = new ScenarioComparison(runs);
        try
        {
            using var folder = OutputFolder.Begin(outDir);
            CompareOutputs.Write(folder.Staging, comparison, ProgramVersion.Text, run => infos[run.Name],
                () => new CompareInfo(commandLine, ProgramVersion.Text, started, wall.Elapsed.TotalSeconds), totalsOnly);
            folder.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Errors.Failed($"writing the outputs failed: {e.Message}. Nothing was written.");
        }
        CompareTable.Show(comparison);
        AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(outDir)}[/]: compare.csv, charts/, report.md, manifest.json, and a folder per scenario ({Markup.Escape(string.Join(", ", names))}); {wall.Elapsed.TotalSeconds:F1} s in all.");
        return ExitCodes.Ok;
    }

    /// <summary>Scenario names, made unique with -2, -3 … when two files share a name (each becomes a folder).</summary>
    public static string[] UniqueNames(IReadOnlyList<Scenario> scenarios)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        return scenarios.Select(s =>
        {
            var n = seen[s.Name] = seen.GetValueOrDefault(s.Name) + 1;
            return n == 1 ? s.Name : $"{s.Name}-{n}";
        }).ToArray();
    }
}
