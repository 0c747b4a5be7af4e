using System.Diagnostics;
using System.Reflection;
using PlaceSimulation.Cli.Terminal;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Reports.Files;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;
using Spectre.Console;

namespace PlaceSimulation.Cli.Commands;

/// <summary>
/// placesim bench --memory: does a run's memory grow with the size of its results? Runs the
/// England-shaped scale scenario (bench/england.yaml, with fewer households a place) as two
/// real 'placesim run' processes (embedded silo, pipeline, journal, result table, every file
/// and chart, every place's rows kept) that differ only in months: 30 and 120, so the second
/// run's results are four times the first's while the households in memory are the same.
/// Reads each process's peak resident memory (VmHWM) and writes memory.json.
/// </summary>
public static class MemoryCheck
{
    public const string DefaultScenario = "bench/england.yaml";
    private static readonly int[] MonthsRun = [30, 120];

    public static async Task<int> ExecuteAsync(string path, string? outDir, long households, CancellationToken cancel)
    {
        Scenario scenario;
        try
        {
            scenario = ScenarioLoader.Load(path, new ScenarioOverrides(Households: households, Months: MonthsRun.Max()));
        }
        catch (ScenarioException e)
        {
            return Errors.BadInput(e.Errors);
        }
        if (!File.Exists("/proc/self/status")) return Errors.Failed("the memory check reads /proc (Linux): it cannot run here");
        outDir ??= ".";
        var spec = scenario.Spec;
        Errors.Note($"{path}: {spec.Places.Count} places, {spec.TotalHouseholds:N0} households; runs of {string.Join(" and ", MonthsRun)} months, each a 'placesim run' process of its own");
        var rows = new List<Row>();
        var scratch = Path.Combine(Path.GetTempPath(), $"placesim-memory-{Guid.NewGuid():N}");
        try
        {
            foreach (var months in MonthsRun)
            {
                var (code, peak, seconds, err) = await RunChildAsync(
                    ["run", path, "--households", $"{households}", "--months", $"{months}", "--out", Path.Combine(scratch, $"m{months}")], cancel);
                if (code != ExitCodes.Ok) return Errors.Failed($"the {months}-month run failed (exit {code}): {err.Trim()}");
                var results = (long)spec.Arms.Count * spec.Replications * spec.Places.Count * months * (Counter.Count + MetricCatalogue.All.Count) * 8L;
                rows.Add(new Row(months, results, peak, seconds));
                Errors.Note($"  {months} months: peak resident {peak / 1e6:N0} MB, {seconds:F0} s");
            }
        }
        finally
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        }

        var table = new Table().AddColumns("months", "results a client holding them would hold (MB)", "peak resident memory (MB)", "seconds");
        foreach (var r in rows) table.AddRow($"{r.Months}", $"{r.ResultBytes / 1e6:N0}", $"{r.PeakResident / 1e6:N0}", $"{r.Seconds:F0}");
        AnsiConsole.Write(table);
        var (small, large) = (rows[0], rows[1]);
        var resultsGrow = (double)large.ResultBytes / small.ResultBytes;
        var residentGrows = (double)large.PeakResident / small.PeakResident;
        AnsiConsole.MarkupLine($"Results grow [bold]{resultsGrow:F1}x[/]; peak resident memory [bold]{residentGrows:F2}x[/] " +
            $"(place rows are held in memory up to {ResultTable.DefaultMemoryLimit / (1024 * 1024)} MB and read back from the run's journal beyond)");

        Directory.CreateDirectory(outDir);
        var file = Path.Combine(outDir, "memory.json");
        JsonFiles.Write(file, w =>
        {
            w.WriteStartObject();
            w.WriteString("scenario", path);
            w.WriteString("what", "peak resident memory (VmHWM) of a 'placesim run' process (embedded silo and client) on the same places for two lengths, every place's rows kept");
            w.WriteNumber("places", spec.Places.Count);
            w.WriteNumber("households", spec.TotalHouseholds);
            w.WriteNumber("cores", Environment.ProcessorCount);
            w.WriteString("version", ProgramVersion.Text);
            w.WriteStartArray("runs");
            foreach (var r in rows)
            {
                w.WriteStartObject();
                w.WriteNumber("months", r.Months);
                w.WriteNumber("result_bytes", r.ResultBytes);
                w.WriteNumber("peak_resident_bytes", r.PeakResident);
                w.WriteNumber("seconds", Math.Round(r.Seconds, 1));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("results_ratio", Math.Round(resultsGrow, 2));
            w.WriteNumber("peak_resident_ratio", Math.Round(residentGrows, 3));
            w.WriteEndObject();
        });
        AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(file)}[/]");
        return ExitCodes.Ok;
    }

    /// <param name="ResultBytes">counters and metric rows of every place and month: what a client holding the results would hold</param>
    private sealed record Row(int Months, long ResultBytes, long PeakResident, double Seconds);

    /// <summary>Runs placesim as a child process, reading its peak resident memory from /proc while it runs.</summary>
    private static async Task<(int Code, long PeakResident, double Seconds, string Err)> RunChildAsync(string[] args, CancellationToken cancel)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["NO_COLOR"] = "1";
        var clock = Stopwatch.StartNew();
        using var child = Process.Start(info)!;
        var stdout = child.StandardOutput.ReadToEndAsync(cancel);
        var stderr = child.StandardError.ReadToEndAsync(cancel);
        long peak = 0;
        try
        {
            while (!child.HasExited)
            {
                peak = Math.Max(peak, PeakResident(child.Id));
                await Task.Delay(100, cancel);
            }
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw;
        }
        await child.WaitForExitAsync(cancel);
        await stdout;
        return (child.ExitCode, peak, clock.Elapsed.TotalSeconds, await stderr);
    }

    /// <summary>VmHWM of a running process, in bytes (0 once it has gone).</summary>
    private static long PeakResident(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            // The process has just ended: the last reading stands.
        }
        return 0;
    }
}
