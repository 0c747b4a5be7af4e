using System.CommandLine;
using System.Diagnostics;
using PlaceSimulation.Cli.Hosting;
using PlaceSimulation.Cli.Terminal;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Reports.Files;
using PlaceSimulation.Reports.Sweeps;
using PlaceSimulation.Runs;
using PlaceSimulation.Scenarios;
using Spectre.Console;

namespace PlaceSimulation.Cli.Commands;

/// <summary>
/// placesim uncertainty FILE: the offset analysis with parameter uncertainty propagated: a
/// Latin hypercube over the declared plausible ranges of the assumed and calibrated
/// parameters, every point running the four offset arms, through the run pipeline (journaled,
/// --resume). Writes uncertainty.csv, uncertainty.json, a chart and report.md.
/// </summary>
public static class UncertaintyCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("scenario") { Description = "Scenario file (YAML) with an 'offset:' design, e.g. scenarios/offset.yaml" };
        var output = new Option<string?>("--out") { Description = "Folder for the outputs (default: out/<scenario name>-uncertainty)" };
        var samples = new Option<int>("--samples") { Description = "Points of the Latin hypercube", DefaultValueFactory = _ => 32 };
        var resume = new Option<bool>("--resume") { Description = "Continue the interrupted analysis writing to the output folder" };
        var options = new ScenarioOptions();
        var cluster = new ClusterOptions();
        var command = new Command("uncertainty", "The offset share with parameter uncertainty: how much national forces cancel, over the assumptions' plausible ranges")
        {
            file, output, samples, resume,
        };
        options.AddTo(command);
        command.Options.Add(cluster.Cluster);
        command.Options.Add(cluster.ClusterId);
        command.SetAction(async (parse, cancel) =>
        {
            if (!cluster.TryRead(parse, out var target, out var bad)) return Errors.BadInput(bad!);
            return await ExecuteAsync(parse.GetValue(file)!, parse.GetValue(output), options.Read(parse), parse.GetValue(samples),
                parse.GetValue(resume), target, CommandLineText.AsTyped, cancel);
        });
        return command;
    }

    public static async Task<int> ExecuteAsync(string path, string? outDir, ScenarioOverrides overrides, int samples, bool resume, ClusterTarget? cluster,
        string commandLine, CancellationToken cancel)
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
        if (scenario.Offset is null)
            return Errors.BadInput($"{path}: the scenario has no offset design. Add 'offset: {{local: <policy>, national: <policy>}}' to the file");
        if (Designs.ArmsProblem(scenario) is { } arms) return Errors.BadInput(arms);
        var min = SweepBlock.MinimumSamples(SweepDesign.Lhs);
        if (samples < min || samples > SweepBlock.MaxPoints) return Errors.BadInput($"--samples {samples} is out of range: expected {min} to {SweepBlock.MaxPoints}");
        outDir ??= Path.Combine("out", scenario.Name + "-uncertainty");
        if (OutputFolder.Problem(outDir) is { } problem) return Errors.BadInput(problem);

        var plan = SweepPlan.For(Uncertainty.WithDesign(scenario, samples), tornado: false);
        var spec = plan.Spec;
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(scenario.Title)}[/] (offset with parameter uncertainty)");
        Errors.Note($"Latin hypercube of {samples} points over {plan.Ranges.Count} parameters' plausible ranges, and the scenario's own values; "
            + $"{scenario.Spec.Arms.Count} arms x {scenario.Spec.Replications} replication(s) x {scenario.Spec.Places.Count} place(s) each: {spec.Jobs().Count():N0} jobs");
        var again = $"Points that finished are kept: 'placesim uncertainty {path} --out {outDir} --resume' (with the same options) continues.";
        var (execution, journal, exit) = await ScenarioExecution.RunJournaledAsync(scenario, spec, outDir, resume, cluster, "the analysis", again, cancel);
        if (execution is null || journal is null) return exit;

        try
        {
            var (points, shares) = Uncertainty.Analyse(plan, (a, r, p) => journal.Read(PlaceJob.Of(spec, a, r, p))
                ?? throw new IOException($"the journal lost the counters of job a{a}-r{r}-p{p}"));
            using var folder = OutputFolder.Begin(outDir);
            var files = Uncertainty.Write(folder.Staging, plan, points, shares, ProgramVersion.Text, out var charts).ToList();
            files.Add("manifest.json");
            ManifestJson.Write(Path.Combine(folder.Staging, "manifest.json"), scenario, execution.Info(commandLine, started, wall.Elapsed.TotalSeconds), files, charts);
            folder.Commit();
            journal.Complete();
            foreach (var s in shares) AnsiConsole.MarkupLine(Markup.Escape(Uncertainty.Sentence(s) + "."));
            AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(outDir)}[/]: {Markup.Escape(string.Join(", ", files))}, charts/; {wall.Elapsed.TotalSeconds:F1} s in all.");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Errors.Failed($"writing the outputs failed: {e.Message}. Nothing was written. {again}");
        }
    }
}
