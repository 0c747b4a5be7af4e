using PlaceSimulation.Runs;
using System.CommandLine;
using System.Diagnostics;
using System.Runtime;
using System.Security.Cryptography;
using System.Runtime.InteropServices;
using System.Text.Json;
using PlaceSimulation.Cli.Hosting;
using PlaceSimulation.Cli.Terminal;
using PlaceSimulation.Grains;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Reports.Files;
using PlaceSimulation.Scenarios;
using Spectre.Console;

namespace PlaceSimulation.Cli.Commands;

/// <summary>
/// placesim bench: household-months a second on one scenario (bench/bench.yaml unless told),
/// in this process: (a) the engine on the embedded silo with the default households per
/// grain, (b) one household per grain (on fewer households, reported per household-month),
/// (c) the pure model loop with no Orleans on one thread. Each figure is the median of
/// several timed runs after a warm-up. A fixed reference workload (<see cref="ReferenceWorkload"/>)
/// is timed in the same run, so (c) can be given per reference workload, a figure that
/// compares across machines. Writes bench.json.
/// </summary>
public static class BenchCommand
{
    public const string DefaultScenario = "bench/bench.yaml";

    public static Command Create()
    {
        var file = new Argument<string>("scenario") { Description = $"Scenario to time (default: {DefaultScenario})", DefaultValueFactory = _ => DefaultScenario };
        var output = new Option<string?>("--out") { Description = "Folder for bench.json (default: the current folder)" };
        var households = new Option<long?>("--households") { Description = "Households for (a) and (c) (default: the scenario's)" };
        var onePerGrain = new Option<long>("--one-per-grain-households") { Description = "Households for (b), one grain each", DefaultValueFactory = _ => 4000 };
        var perGrain = new Option<int?>("--households-per-grain") { Description = "Households per grain for (a) (default: the scenario's)" };
        var repeats = new Option<int>("--repeats") { Description = "Timed runs of each; the median is reported", DefaultValueFactory = _ => 3 };
        var only = new Option<string[]>("--only") { Description = "Time only these (for profiling): default, one_per_grain, pure_loop", AllowMultipleArgumentsPerToken = true };
        only.AcceptOnlyFromAmong("default", "one_per_grain", "pure_loop");
        var memory = new Option<bool>("--memory")
        {
            Description = $"Instead of speed: does memory grow with the size of a run's results? Runs {MemoryCheck.DefaultScenario} (unless a scenario is given) with a quarter of its places and with all, every place's rows kept; writes memory.json",
        };
        var memoryHouseholds = new Option<long>("--memory-households") { Description = "Households in all places together for --memory", DefaultValueFactory = _ => 1_500_000 };
        var command = new Command("bench", "Household-months a second: the engine, one household per grain, and the pure loop on one thread; writes bench.json")
        {
            file, output, households, onePerGrain, perGrain, repeats, only, memory, memoryHouseholds,
        };
        command.SetAction(async (parse, cancel) => parse.GetValue(memory)
            ? await MemoryCheck.ExecuteAsync(parse.GetResult(file) is { Implicit: false } ? parse.GetValue(file)! : MemoryCheck.DefaultScenario,
                parse.GetValue(output), parse.GetValue(memoryHouseholds), cancel)
            : await ExecuteAsync(parse.GetValue(file)!, parse.GetValue(output), parse.GetValue(households),
            parse.GetValue(onePerGrain), parse.GetValue(perGrain), Math.Max(1, parse.GetValue(repeats)), parse.GetValue(only) ?? [], cancel));
        return command;
    }

    private sealed record Timing(double HouseholdMonths, double[] Seconds, double[] CpuSeconds, string Hash)
    {
        public double Median => Seconds.Order().ElementAt(Seconds.Length / 2);
        public double MedianCpu => CpuSeconds.Order().ElementAt(CpuSeconds.Length / 2);
        public double PerSecond => HouseholdMonths / Median;
        /// <summary>False for a figure left out by --only: it is reported as "not run", never as NaN.</summary>
        public bool Ran => Seconds.Length > 0;
    }

    public static async Task<int> ExecuteAsync(string path, string? outDir, long? households, long onePerGrainHouseholds, int? perGrain, int repeats,
        string[] only, CancellationToken cancel)
    {
        RunSpec main, single;
        try
        {
            main = ScenarioLoader.Load(path, new ScenarioOverrides(Households: households, HouseholdsPerGrain: perGrain)).Spec;
            single = ScenarioLoader.Load(path, new ScenarioOverrides(Households: onePerGrainHouseholds, HouseholdsPerGrain: 1)).Spec;
        }
        catch (ScenarioException e)
        {
            return Errors.BadInput(e.Errors);
        }
        outDir ??= ".";
        var cores = Environment.ProcessorCount;
        Errors.Note($"{path}: {main.Places.Count} place(s), {main.TotalHouseholds:N0} households, {main.Months} months + {main.BurnInMonths} burn-in, " +
            $"{main.HouseholdsPerGrain:N0} households per grain; one per grain on {single.TotalHouseholds:N0} households; {repeats} timed run(s) each; {cores} cores, " +
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC");

        await using var cluster = await EmbeddedCluster.StartAsync(cancel);
        async Task<(double, RunResults)> Engine(RunSpec spec)
        {
            var clock = Stopwatch.StartNew();
            var sink = new ResultsSink(spec);
            // Every job runs all its months, as in the pure loop: the engine is measured on the same work.
            await RunPipeline.RunAsync(spec, new OrleansEngine(cluster.Client, ScenarioExecution.Embedded), sink, cancel: cancel, shareMonths: false);
            return (clock.Elapsed.TotalSeconds, sink.Results);
        }
        async Task<(double, RunResults)> Pure(RunSpec spec)
        {
            var clock = Stopwatch.StartNew();
            var results = await InProcessRunner.RunAsync(spec, cancel: cancel);
            return (clock.Elapsed.TotalSeconds, results);
        }
        // Warm-up: one untimed run of the same size first. The JIT tiers hot loops up over the
        // first run of a process (docs/PERFORMANCE.md), and the figures are of the steady state.
        async Task<Timing> Time(string label, Func<RunSpec, Task<(double, RunResults)>> mode, RunSpec spec)
        {
            var key = label.Contains("one household") ? "one_per_grain" : label.Contains("pure") ? "pure_loop" : "default";
            if (only.Length > 0 && !only.Contains(key)) return new Timing(HouseholdMonths(spec), [], [], "");
            await mode(spec);
            var seconds = new double[repeats];
            var cpuSeconds = new double[repeats];
            var hash = "";
            for (var i = 0; i < repeats; i++)
            {
                GC.Collect();
                var (gen0, gen1, gen2, pause, allocated) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var (s, results) = await mode(spec);
                seconds[i] = s;
                cpuSeconds[i] = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                hash = Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(results.Counters.AsSpan())));
                Errors.Note($"  {label}: run {i + 1} {s:F2} s, CPU {cpuSeconds[i]:F2} s, " +
                    $"GCs {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} (gen 0/1/2), " +
                    $"GC pauses {(GC.GetTotalPauseDuration() - pause).TotalSeconds:F2} s, allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:N0} MB");
            }
            return new Timing(HouseholdMonths(spec), seconds, cpuSeconds, hash);
        }

        // The fixed reference workload (the same code forever), timed in this run so that the pure
        // loop's rate can be divided by it: a figure that compares across machines and loads.
        var reference = TimeReference(repeats);
        Errors.Note($"  reference workload: CPU {string.Join(", ", reference.CpuSeconds.Select(s => s.ToString("F3")))} s (median {reference.MedianCpu:F3} s)");

        Timing a, b, c;
        try
        {
            a = await Time("(a) engine, default households per grain", Engine, main);
            b = await Time("(b) engine, one household per grain", Engine, single);
            c = await Time("(c) pure loop, one thread", Pure, main);
        }
        catch (RunFailedException e)
        {
            return Errors.Failed($"the benchmark run failed: {e.Message}");
        }

        // A ratio is given only when both of its figures were run (--only may leave some out).
        double? overB = a.Ran && b.Ran ? a.PerSecond / b.PerSecond : null;
        double? overCores = a.Ran && c.Ran ? a.PerSecond / (cores * c.PerSecond) : null;
        bool? identical = a.Ran && c.Ran ? a.Hash == c.Hash : null;
        // What (a)/(cores × c) would be if every core were free: the pure loop's CPU over the engine's.
        double? cpuEfficiency = a.Ran && c.Ran ? c.MedianCpu / a.MedianCpu : null;
        // Household-months the pure loop does in the CPU time of one reference workload: its rate
        // over the reference's, both in CPU seconds, so other work on the machine matters less.
        double? perReference = c.Ran ? c.HouseholdMonths / c.MedianCpu * reference.MedianCpu : null;
        double? overBaseline = perReference / BaselinePureLoopPerReference;
        const string notRun = "not run";
        var table = new Table().AddColumns("", "household-months a second", "median seconds", "household-months");
        void Row(string label, Timing t) =>
            table.AddRow(label, t.Ran ? $"{t.PerSecond:N0}" : notRun, t.Ran ? $"{t.Median:F2}" : notRun, $"{t.HouseholdMonths:N0}");
        Row("(a) engine, default per grain", a);
        Row("(b) engine, one per grain", b);
        Row("(c) pure loop, one thread", c);
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(overB is { } ob ? $"(a)/(b) = [bold]{ob:F1}[/] (target at least 20)" : "(a)/(b): not run (needs default and one_per_grain)");
        AnsiConsole.MarkupLine(overCores is { } oc
            ? $"(a)/(cores × c) = [bold]{oc:F2}[/] with {cores} cores (target at least 0.7; 1.0 is perfect scaling with no Orleans cost)"
            : "(a)/(cores × c): not run (needs default and pure_loop)");
        AnsiConsole.MarkupLine($"Reference workload: [bold]{reference.MedianCpu:F3}[/] CPU seconds (median), {reference.Median:F3} s");
        AnsiConsole.MarkupLine(perReference is { } pr
            ? $"(c) per reference workload = [bold]{pr:N0}[/] household-months (CPU seconds), [bold]{overBaseline:F2}[/] × the figure before issue 14's loop work ({BaselinePureLoopPerReference:N0})"
            : "(c) per reference workload: not run (needs pure_loop)");
        AnsiConsole.MarkupLine(cpuEfficiency is { } ce
            ? $"CPU seconds (c)/(a) = [bold]{ce:F2}[/]: the engine's CPU cost against the pure loop's, which (a)/(cores × c) reaches when the cores are free"
            : "CPU seconds (c)/(a): not run (needs default and pure_loop)");
        if (LoadAverage() is { } loadNow) Errors.Note($"Load average {loadNow} on {cores} cores: above {cores}, other work shares the cores and wall-clock figures fall.");
        AnsiConsole.MarkupLine(identical switch
        {
            true => "(a) and (c) give [green]identical[/] counters",
            false => "(a) and (c) give [red]DIFFERENT[/] counters",
            null => "(a) and (c) counters: not compared (needs default and pure_loop)",
        });

        Directory.CreateDirectory(outDir);
        var file = Path.Combine(outDir, "bench.json");
        void Figure(Utf8JsonWriter w, string name, double? value, int digits)
        {
            if (value is { } v) w.WriteNumber(name, Math.Round(v, digits));
            else w.WriteString(name, notRun);
        }
        JsonFiles.Write(file, w =>
        {
            w.WriteStartObject();
            w.WriteString("unit", "household-months per second (median of timed runs)");
            Figure(w, "default", a.Ran ? a.PerSecond : null, 0);
            Figure(w, "one_per_grain", b.Ran ? b.PerSecond : null, 0);
            Figure(w, "pure_loop", c.Ran ? c.PerSecond : null, 0);
            w.WriteNumber("cores", cores);
            w.WriteNumber("households_per_grain", main.HouseholdsPerGrain);
            Figure(w, "default_over_one_per_grain", overB, 2);
            Figure(w, "default_over_cores_times_pure_loop", overCores, 3);
            Figure(w, "cpu_efficiency", cpuEfficiency, 3);
            w.WriteNumber("reference_workload_seconds", Math.Round(reference.Median, 3));
            w.WriteNumber("reference_workload_cpu_seconds", Math.Round(reference.MedianCpu, 3));
            Figure(w, "pure_loop_per_reference", perReference, 0);
            Figure(w, "pure_loop_over_baseline", overBaseline, 3);
            w.WriteNumber("pure_loop_baseline_per_reference", BaselinePureLoopPerReference);
            w.WriteString("pure_loop_counters_sha256", c.Ran ? c.Hash : notRun);
            if (identical is { } same) w.WriteBoolean("identical_counters", same);
            else w.WriteString("identical_counters", notRun);
            w.WriteStartArray("only");
            foreach (var o in only) w.WriteStringValue(o);
            w.WriteEndArray();
            w.WriteString("scenario", path);
            w.WriteNumber("households", main.TotalHouseholds);
            w.WriteNumber("households_one_per_grain", single.TotalHouseholds);
            w.WriteNumber("months", main.Months);
            w.WriteNumber("burn_in_months", main.BurnInMonths);
            w.WriteNumber("repeats", repeats);
            w.WriteString("gc", GCSettings.IsServerGC ? "server" : "workstation");
            if (LoadAverage() is { } load) w.WriteString("load_average", load);
            w.WriteString("version", ProgramVersion.Text);
            w.WriteString("when", DateTimeOffset.Now.ToString("O"));
            w.WriteStartObject("seconds");
            WriteSeconds(w, "default", a.Seconds);
            WriteSeconds(w, "one_per_grain", b.Seconds);
            WriteSeconds(w, "pure_loop", c.Seconds);
            WriteSeconds(w, "reference_workload", reference.Seconds);
            w.WriteEndObject();
            w.WriteStartObject("cpu_seconds");
            WriteSeconds(w, "default", a.CpuSeconds);
            WriteSeconds(w, "one_per_grain", b.CpuSeconds);
            WriteSeconds(w, "pure_loop", c.CpuSeconds);
            WriteSeconds(w, "reference_workload", reference.CpuSeconds);
            w.WriteEndObject();
            w.WriteEndObject();
        });
        AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(file)}[/]");
        return identical == false ? ExitCodes.Failed : ExitCodes.Ok;
    }

    /// <summary>
    /// The pure loop's household-months per reference workload (CPU seconds) before issue 14's
    /// loop work (commit bc4965c, median of 5, the 2-core development machine): what
    /// pure_loop_over_baseline divides by (two bench runs of 5 gave 2,508,437 and 2,540,327;
    /// pure loop 1.036 to 1.039 CPU seconds, reference workload 0.718 to 0.732).
    /// </summary>
    public const double BaselinePureLoopPerReference = 2_524_000;

    /// <summary>The reference workload once untimed, then <paramref name="repeats"/> timed runs (at least five).</summary>
    private static Timing TimeReference(int repeats)
    {
        var n = Math.Max(5, repeats);
        if (ReferenceWorkload.Run() is var sum && sum != ReferenceWorkload.ExpectedChecksum)
            throw new InvalidOperationException($"the reference workload gives checksum {sum:X16}, not {ReferenceWorkload.ExpectedChecksum:X16}: its code has changed");
        var seconds = new double[n];
        var cpuSeconds = new double[n];
        for (var i = 0; i < n; i++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            ReferenceWorkload.Run();
            seconds[i] = clock.Elapsed.TotalSeconds;
            cpuSeconds[i] = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        }
        return new Timing(1, seconds, cpuSeconds, "");
    }

    /// <summary>The 1, 5 and 15 minute load averages where the system says (Linux): other work skews wall-clock figures.</summary>
    private static string? LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void WriteSeconds(Utf8JsonWriter w, string name, double[] seconds)
    {
        if (seconds.Length == 0)
        {
            w.WriteString(name, "not run");
            return;
        }
        w.WriteStartArray(name);
        foreach (var s in seconds) w.WriteNumberValue(Math.Round(s, 3));
        w.WriteEndArray();
    }

    public static double HouseholdMonths(RunSpec spec) =>
        (double)spec.TotalHouseholds * (spec.Months + spec.BurnInMonths) * spec.Arms.Count * spec.Replications;
}
