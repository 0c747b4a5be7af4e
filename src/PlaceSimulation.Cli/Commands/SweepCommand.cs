using System.CommandLine;
using System.Diagnostics;
using PlaceSimulation.Cli.Hosting;
using PlaceSimulation.Cli.Terminal;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Reports.Charts;
using PlaceSimulation.Reports.Files;
using PlaceSimulation.Reports.Sweeps;
using PlaceSimulation.Runs;
using PlaceSimulation.Scenarios;
using Spectre.Console;

namespace PlaceSimulation.Cli.Commands;

/// <summary>
/// placesim sweep FILE: runs the scenario's sweep block (grid, Latin hypercube, Morris or
/// Sobol) through the run pipeline (every point × arm × replication × place a job, on the
/// embedded silo or a cluster, journaled so --resume continues), then writes sweep.csv,
/// sweep.parquet, sensitivity.csv, sweep.json, the charts and report.md.
/// </summary>
public static class SweepCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("scenario") { Description = "Scenario file (YAML) with a 'sweep:' block, e.g. scenarios/sweep-sanctions.yaml" };
        var output = new Option<string?>("--out") { Description = "Folder for the outputs (default: out/<scenario name>-sweep); replaced if it holds an earlier run" };
        var samples = new Option<int?>("--samples") { Description = "Base samples (sobol, lhs), trajectories (morris) or levels (grid), replacing the file's" };
        var resume = new Option<bool>("--resume") { Description = "Continue the interrupted sweep writing to the output folder: points it finished are not run again, and the outputs are the same bytes" };
        var options = new ScenarioOptions();
        var cluster = new ClusterOptions();
        var command = new Command("sweep", "Vary parameters over a design (grid, lhs, morris, sobol): which assumptions drive the result? Writes sweep.csv/.parquet, sensitivity.csv, charts and report.md")
        {
            file, output, samples, resume,
        };
        options.AddTo(command);
        command.Options.Add(cluster.Cluster);
        command.Options.Add(cluster.ClusterId);
        command.SetAction(async (parse, cancel) =>
        {
            if (!cluster.TryRead(parse, out var target, out var bad)) return Errors.BadInput(bad!);
            return await ExecuteAsync(parse.GetValue(file)!, parse.GetValue(output), options.Read(parse) with { Samples = parse.GetValue(samples) },
                parse.GetValue(resume), target, CommandLineText.AsTyped, cancel);
        });
        return command;
    }

    public static async Task<int> ExecuteAsync(string path, string? outDir, ScenarioOverrides overrides, bool resume, ClusterTarget? cluster, string commandLine, CancellationToken cancel)
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
        if (scenario.Sweep is null)
            return Errors.BadInput($"{path}: the scenario has no sweep block. Add 'sweep: {{design: lhs, samples: 32, measure: {{metrics: [poverty_rate_ahc]}}, vary: {{PARAMETER: {{from: LOW, to: HIGH}}}}}}' (see docs/SWEEPS.md)");
        if (Designs.ArmsProblem(scenario) is { } arms) return Errors.BadInput(arms);
        outDir ??= Path.Combine("out", scenario.Name + "-sweep");
        if (OutputFolder.Problem(outDir) is { } problem) return Errors.BadInput(problem);

        var plan = SweepPlan.For(scenario);
        var spec = plan.Spec;
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(scenario.Title)}[/] (sweep)");
        Errors.Note($"{plan.Block.Design.ToString().ToLowerInvariant()} design over {plan.Ranges.Count} parameter(s): {plan.DesignPoints.Count():N0} design points and "
            + $"{plan.Points.Count - plan.DesignPoints.Count()} for the tornado, x {scenario.Spec.Arms.Count} arm(s) x {scenario.Spec.Replications} replication(s) x {scenario.Spec.Places.Count} place(s): "
            + $"{(long)plan.Points.Count * scenario.Spec.Arms.Count * scenario.Spec.Replications * scenario.Spec.Places.Count:N0} jobs of {scenario.Spec.Months} + {scenario.Spec.BurnInMonths} months");
        var again = $"Points that finished are kept: 'placesim sweep {path} --out {outDir} --resume' (with the same options) continues the sweep.";
        var (execution, journal, exit) = await ScenarioExecution.RunJournaledAsync(scenario, spec, outDir, resume, cluster, "the sweep", again, cancel);
        if (execution is null || journal is null) return exit;

        try
        {
            var results = SweepResults.From(plan, (a, r, p) => journal.Read(PlaceJob.Of(spec, a, r, p))
                ?? throw new IOException($"the journal lost the counters of job a{a}-r{r}-p{p}"));
            var analysis = SweepAnalysis.Of(results);
            using var folder = OutputFolder.Begin(outDir);
            var files = SweepFiles.Write(folder.Staging, results, analysis).ToList();
            var charts = ChartPack.Write(Path.Combine(folder.Staging, "charts"), "charts", SweepCharts.Drafts(results, analysis, ProgramVersion.Text));
            SweepReport.Write(Path.Combine(folder.Staging, "report.md"), results, analysis, charts, ProgramVersion.Text);
            files.Add("report.md");
            files.Add("manifest.json");
            ManifestJson.Write(Path.Combine(folder.Staging, "manifest.json"), scenario, execution.Info(commandLine, started, wall.Elapsed.TotalSeconds), files, charts);
            folder.Commit();
            journal.Complete();
            ShowTop(results, analysis);
            AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(outDir)}[/]: {Markup.Escape(string.Join(", ", files))}, charts/ ({charts.Count} charts); {wall.Elapsed.TotalSeconds:F1} s in all.");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Errors.Failed($"writing the outputs failed: {e.Message}. Nothing was written. {again}");
        }
    }

    private static void ShowTop(SweepResults results, IReadOnlyList<MetricSensitivity> analysis)
    {
        var table = new Table().AddColumns("metric", "parameter that moves it most (one at a time)", "across its range");
        foreach (var s in analysis.Where(a => a.Arm == 0))
        {
            var metric = results.Metrics[s.Metric];
            if (s.Tornado.FirstOrDefault() is not { } top) continue;
            table.AddRow(Markup.Escape(metric.Label), Markup.Escape(top.Parameter),
                Markup.Escape($"{Display.Value(metric, top.AtLow)} to {Display.Value(metric, top.AtHigh)}"));
        }
        AnsiConsole.Write(table);
    }
}
