using PlaceSimulation.Runs;
using System.CommandLine;
using System.Globalization;
using PlaceSimulation.Cli.Terminal;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Reports.Calibration;
using PlaceSimulation.Reports.Files;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;
using Spectre.Console;

namespace PlaceSimulation.Cli.Commands;

/// <summary>
/// placesim calibrate: runs the calibration baseline (calibration/baseline.yaml, an average
/// English place under current policy) with replications and compares it with the national
/// figures in calibration/targets.yaml: target, source, simulated mean and 90% interval,
/// pass or fail. Exit code 0 when every target passes, 1 otherwise.
/// </summary>
public static class CalibrateCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "Also write calibration.csv and calibration.md to this folder" };
        var options = new ScenarioOptions();
        var command = new Command("calibrate", "Run the calibration baseline and compare it with national figures (HBAI, JRF, DWP, ONS)") { output };
        options.AddTo(command);
        command.SetAction(async (parse, cancel) => await ExecuteAsync(options.Read(parse), parse.GetValue(output), cancel));
        return command;
    }

    public static async Task<int> ExecuteAsync(ScenarioOverrides overrides, string? outDir, CancellationToken cancel)
    {
        Scenario scenario;
        IReadOnlyList<CalibrationTarget> targets;
        try
        {
            scenario = CalibrationFiles.Scenario(overrides);
            targets = CalibrationFiles.Targets(MetricCatalogue.ByName.Keys.ToArray());
        }
        catch (ScenarioException e)
        {
            return Errors.BadInput(e.Errors);
        }
        if (outDir is not null && OutputFolder.Problem(outDir) is { } problem) return Errors.BadInput(problem);

        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(scenario.Title)}[/]");
        Errors.Note($"{scenario.Spec.TotalHouseholds:N0} households, {scenario.Spec.Replications} replications, {scenario.Spec.BurnInMonths} burn-in months, seed {scenario.Spec.Seed}");
        Execution execution;
        try
        {
            execution = await ScenarioExecution.RunAsync(scenario, cancel);
        }
        catch (RunFailedException e)
        {
            return Errors.Failed($"the calibration run failed: {e.Message}");
        }
        var results = CalibrationCheck.Evaluate(execution.Table, targets);
        Show(results);

        if (outDir is not null)
        {
            using var folder = OutputFolder.Begin(outDir);
            File.WriteAllText(folder.PathOf("calibration.md"), CalibrationCheck.Markdown(results));
            CalibrationCsv.Write(folder.PathOf("calibration.csv"), results);
            ManifestJson.Write(folder.PathOf("manifest.json"), scenario, execution.Info(CommandLineText.AsTyped, DateTimeOffset.Now, execution.SimulationSeconds));
            folder.Commit();
            AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(outDir)}[/]: calibration.md, calibration.csv, manifest.json");
        }

        var passed = results.Count(r => r.Pass);
        AnsiConsole.MarkupLine(passed == results.Count
            ? $"[green]{passed} of {results.Count} targets within tolerance[/]"
            : $"[red]{passed} of {results.Count} targets within tolerance[/]");
        return passed == results.Count ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static void Show(IReadOnlyList<CalibrationResult> results)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Calibration: simulated baseline against national figures");
        table.AddColumn("metric");
        table.AddColumn(new TableColumn("target").RightAligned());
        table.AddColumn(new TableColumn("simulated (90% interval)").RightAligned());
        table.AddColumn("result");
        table.AddColumn("source");
        foreach (var r in results)
        {
            var sim = CalibrationCheck.Number(r.Simulated.Mean)
                      + (r.Simulated.HasInterval ? $" ({CalibrationCheck.Number(r.Simulated.Lo)}–{CalibrationCheck.Number(r.Simulated.Hi)})" : "");
            table.AddRow(
                Markup.Escape(r.Target.Place is null ? r.Target.Metric : $"{r.Target.Metric} ({r.Target.Place})"),
                Markup.Escape($"{CalibrationCheck.Number(r.Target.Target)} ± {CalibrationCheck.Number(r.Target.Tolerance)}"),
                Markup.Escape(sim),
                r.Pass ? "[green]pass[/]" : "[red]FAIL[/]",
                Markup.Escape(ShortSource(r.Target.Source)));
        }
        AnsiConsole.Write(table);
    }

    /// <summary>The publication, without the detail after its first colon (the full text is in calibration.md).</summary>
    private static string ShortSource(string source)
    {
        var colon = source.IndexOf(':');
        var s = colon > 0 ? source[..colon] : source;
        return s.Length > 48 ? s[..45] + "..." : s;
    }
}
