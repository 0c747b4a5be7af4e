using PlaceSimulation.Runs;
using System.CommandLine;
using System.Diagnostics;
using PlaceSimulation.Cli.Hosting;
using PlaceSimulation.Cli.Terminal;
using PlaceSimulation.Reports.Files;
using PlaceSimulation.Reports.Offset;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;
using Spectre.Console;

namespace PlaceSimulation.Cli.Commands;

/// <summary>
/// placesim run FILE: runs a scenario and writes timeseries.csv, summary.json, manifest.json,
/// charts/ and report.md; with an offset design, also the offset analysis and its charts.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("scenario") { Description = "Scenario file (YAML), e.g. scenarios/offset.yaml" };
        var output = new Option<string?>("--out") { Description = "Folder for the outputs (default: out/<scenario name>); replaced if it holds an earlier run" };
        var resume = ResumeOption();
        var options = new ScenarioOptions();
        var cluster = new ClusterOptions();
        var command = new Command("run", "Run a scenario: every arm and replication, month by month; write data, charts and report.md") { file, output, resume };
        options.AddTo(command);
        cluster.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            if (!cluster.TryRead(parse, out var target, out var bad)) return Errors.BadInput(bad!);
            if (!TryOutput(parse.GetValue(output), parse.GetValue(resume), out var outDir, out var resuming, out bad)) return Errors.BadInput(bad!);
            return await ExecuteAsync(parse.GetValue(file)!, outDir, options.Read(parse), CommandLineText.AsTyped,
                requireOffset: false, design: null, cancel, target, cluster.TotalsOnly(parse), resuming);
        });
        return command;
    }

    public static Task<int> ExecuteAsync(string path, string? outDir, ScenarioOverrides overrides, string commandLine, CancellationToken cancel) =>
        ExecuteAsync(path, outDir, overrides, commandLine, requireOffset: false, design: null, cancel);

    /// <summary>--resume DIR: continue the interrupted run that was writing to DIR.</summary>
    public static Option<string?> ResumeOption() => new("--resume")
    {
        Description = "Continue the interrupted run that was writing to this folder (same scenario and options): jobs it finished are not run again, and the outputs are the same bytes",
    };

    /// <summary>The output folder from --out and --resume, and whether the run resumes.</summary>
    public static bool TryOutput(string? output, string? resume, out string? outDir, out bool resuming, out string? problem)
    {
        problem = null;
        resuming = resume is not null;
        outDir = resume ?? output;
        if (resume is not null && output is not null && Path.GetFullPath(output) != Path.GetFullPath(resume))
        {
            problem = $"--resume {resume} continues the run writing to {resume}; --out {output} names another folder: give one of them";
            return false;
        }
        return true;
    }

    /// <param name="requireOffset">refuse a scenario with no offset design (placesim offset)</param>
    /// <param name="design">an offset design given on the command line, replacing the file's arms</param>
    /// <param name="cluster">a running cluster to attach to (null: an embedded silo)</param>
    /// <param name="totalsOnly">timeseries.csv keeps only the rows of all places together</param>
    /// <param name="resume">continue the interrupted run that was writing to <paramref name="outDir"/></param>
    public static async Task<int> ExecuteAsync(string path, string? outDir, ScenarioOverrides overrides, string commandLine,
        bool requireOffset, OffsetDesign? design, CancellationToken cancel, ClusterTarget? cluster = null, bool totalsOnly = false, bool resume = false)
    {
        var started = DateTimeOffset.Now;
        var wall = Stopwatch.StartNew();
        Scenario scenario;
        try
        {
            scenario = ScenarioLoader.Load(path, overrides, cancel);
        }
        catch (ScenarioException e)
        {
            return Errors.BadInput(e.Errors);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return Errors.Interrupted("nothing was run or written.");
        }
        if (design is not null)
        {
            if (Designs.Problem(scenario, design) is { } bad) return Errors.BadInput(bad);
            scenario = Designs.Apply(scenario, design);
        }
        if (Designs.ArmsProblem(scenario) is { } arms) return Errors.BadInput(arms);
        if (requireOffset && scenario.Offset is null)
            return Errors.BadInput($"{path}: the scenario has no offset design. Add 'offset: {{local: <policy>, national: <policy>}}' to the file, or give --local and --national");
        outDir ??= Path.Combine("out", scenario.Name);
        if (OutputFolder.Problem(outDir) is { } problem) return Errors.BadInput(problem);
        return await RunScenarioAsync(scenario, outDir, commandLine, started, wall, cancel, cluster, totalsOnly, resume);
    }

    /// <summary>Runs a loaded, checked scenario and writes its outputs to <paramref name="outDir"/>: what 'placesim run' does after reading its file.</summary>
    public static async Task<int> RunScenarioAsync(Scenario scenario, string outDir, string commandLine, DateTimeOffset started, Stopwatch wall,
        CancellationToken cancel, ClusterTarget? cluster = null, bool totalsOnly = false, bool resume = false)
    {
        var path = scenario.Path;

        RunJournal journal;
        try
        {
            if (!resume && RunJournal.JobsKeptFor(outDir) is > 0 and var kept)
                Errors.Note($"An interrupted run writing to {outDir} had finished {kept} job(s); starting afresh discards them (--resume {outDir} would have continued it).");
            journal = resume ? RunJournal.Resume(outDir, scenario.Spec) : RunJournal.Begin(outDir, scenario.Spec);
        }
        catch (ResumeException e)
        {
            return Errors.BadInput(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Errors.Failed($"cannot keep the run's journal beside {outDir}: {e.Message}. Nothing was run.");
        }

        ShowPlan(scenario);
        if (cluster is not null) Errors.Note($"Attaching to {cluster.Describe()}");
        var again = $"Jobs that finished are kept: 'placesim run {path} --resume {outDir}' (with the same options) continues the run.";
        Execution execution;
        try
        {
            execution = await ScenarioExecution.RunAsync(scenario, cluster, journal, cancel);
        }
        catch (ClusterUnreachableException e)
        {
            return Errors.Failed($"{e.Message}. Nothing was run.{Resumable(journal, again)}");
        }
        catch (RunFailedException e)
        {
            return Errors.Failed($"the run failed: {e.Message}. Nothing was written.{Resumable(journal, again)}");
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return Errors.Interrupted($"nothing was written.{Resumable(journal, again)}");
        }

        var spec = scenario.Spec;
        var table = execution.Table;
        var offset = scenario.Offset is { } d ? OffsetAnalysis.Of(table, d) : null;
        WrittenRun written;
        try
        {
            using var folder = OutputFolder.Begin(outDir);
            written = RunOutputs.Write(folder.Staging, scenario, table, offset, ProgramVersion.Text, () => execution.Info(commandLine, started, wall.Elapsed.TotalSeconds), totalsOnly);
            folder.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Errors.Failed($"writing the outputs failed: {e.Message}. Nothing was written. {again}");
        }
        journal.Complete();

        SummaryTable.Show(table, scenario.ArmLabel);
        if (offset is not null) OffsetTable.Show(offset);
        var householdMonths = (double)spec.TotalHouseholds * (spec.Months + spec.BurnInMonths) * spec.Arms.Count * spec.Replications;
        var shared = execution.Outcome.HouseholdMonthsShared;
        var sharing = shared > 0 ? $", {100.0 * shared / householdMonths:F0}% of them shared by arms before their first lever and run once" : "";
        Errors.Note($"Simulated {householdMonths:N0} household-months in {execution.SimulationSeconds:F1} s ({householdMonths / execution.SimulationSeconds:N0} a second{sharing}); {wall.Elapsed.TotalSeconds:F1} s in all.");
        AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(outDir)}[/]: {Markup.Escape(Describe(written))}");
        return ExitCodes.Ok;
    }

    /// <summary>The hint to resume, when the journal kept a finished job; otherwise the journal is removed.</summary>
    private static string Resumable(RunJournal journal, string hint)
    {
        try
        {
            if (journal.JobsKept > 0) return " " + hint;
            journal.Complete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing to add: the run failed for its own reason.
        }
        return "";
    }

    public static void ShowPlan(Scenario scenario)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(scenario.Title)}[/]");
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(scenario.Question)}[/]");
        var spec = scenario.Spec;
        Errors.Note($"{spec.Arms.Count} arm(s) x {spec.Replications} replication(s) x {spec.Places.Count} place(s), {spec.TotalHouseholds:N0} households, {spec.Start} + {spec.Months} months, {spec.HouseholdsPerGrain:N0} households per grain");
        if (Reports.Tables.Interval.SmallPlaceWarning(spec) is { } warning) AnsiConsole.MarkupLine($"[yellow]Warning: {Markup.Escape(warning)}[/]");
    }

    public static string Describe(WrittenRun w) =>
        string.Join(", ", w.Files.Where(f => !f.Contains('/')).Append($"charts/ ({w.Charts.Count} charts at {Reports.Charts.ChartPack.Sizes.Length} sizes, PNG and SVG)"));
}

/// <summary>Where to run and how much of the time series to keep: --cluster, --cluster-id, --totals-only.</summary>
public sealed class ClusterOptions
{
    public Option<string?> Cluster { get; } = new("--cluster") { Description = "Run on a running cluster instead of an embedded silo: localhost:GATEWAY_PORT[,...] or redis:CONNECTION_STRING" };
    public Option<string> ClusterId { get; } = new("--cluster-id") { Description = "Cluster id of the running cluster (as given to 'placesim silo')", DefaultValueFactory = _ => ClusterTarget.DefaultClusterId };
    public Option<bool> Totals { get; } = new("--totals-only") { Description = "timeseries.csv keeps only the rows for all places together (place 'all'): for runs of many places" };

    public void AddTo(Command command)
    {
        command.Options.Add(Cluster);
        command.Options.Add(ClusterId);
        command.Options.Add(Totals);
    }

    public bool TotalsOnly(ParseResult parse) => parse.GetValue(Totals);

    /// <summary>The cluster to attach to, if any; false with a message when --cluster cannot be read.</summary>
    public bool TryRead(ParseResult parse, out ClusterTarget? target, out string? problem)
    {
        target = null;
        problem = null;
        if (parse.GetValue(Cluster) is not { } text) return true;
        try
        {
            target = ClusterTarget.Parse(text, parse.GetValue(ClusterId)!);
            return true;
        }
        catch (FormatException e)
        {
            problem = $"--cluster {e.Message}";
            return false;
        }
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
