using System.CommandLine;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PlaceSimulation.Cli.Hosting;
using PlaceSimulation.Cli.Terminal;
using PlaceSimulation.Runs;
using PlaceSimulation.Scenarios;
using PlaceSimulation.Studio.Sessions;
using PlaceSimulation.Studio.Web;

namespace PlaceSimulation.Cli.Commands;

/// <summary>
/// placesim studio [FILE]: the training studio (docs/STUDIO.md). Serves a live page and a
/// small HTTP interface from this process, next to the embedded silo (or as a client of a
/// running cluster), until stopped with Ctrl+C or SIGTERM.
/// </summary>
public static class StudioCommand
{
    public const int DefaultPort = 5170;

    public static Command Create()
    {
        var file = new Argument<string>("scenario") { Description = "Scenario file (YAML); the studio runs its first place", DefaultValueFactory = _ => Path.Combine("scenarios", "offset.yaml") };
        var port = new Option<int>("--port") { Description = $"Port of the page (0: a free one)", DefaultValueFactory = _ => DefaultPort };
        var address = new Option<string>("--address") { Description = "IP address to serve on (loopback unless told otherwise; off loopback the facilitator needs the printed token)", DefaultValueFactory = _ => "127.0.0.1" };
        var households = new Option<int?>("--households") { Description = $"Simulated households of the place (default: the file's, at most {StudioScenario.DefaultHouseholds:N0})" };
        var months = new Option<int?>("--months") { Description = "Months the session runs (default: the file's)" };
        var seed = new Option<long?>("--seed") { Description = "Random seed (same seed, same households and draws)" };
        var exportRoot = new Option<string>("--export-dir") { Description = "Folder 'export charts' writes into", DefaultValueFactory = _ => Path.Combine("out", "studio") };
        var bench = new Option<bool>("--bench") { Description = $"Instead of serving: time the session stepping all its months with no browser ({BenchHouseholds:N0} households unless --households says otherwise); writes studio-bench.json" };
        var cluster = new ClusterOptions();
        var command = new Command("studio", "The training studio: a live, shared browser view of a place in two worlds; pull levers, follow a household, save the session as a scenario")
        {
            file, port, address, households, months, seed, exportRoot, bench,
        };
        command.Options.Add(cluster.Cluster);
        command.Options.Add(cluster.ClusterId);
        command.SetAction(async (parse, cancel) =>
        {
            if (!IPAddress.TryParse(parse.GetValue(address), out var ip)) return Errors.BadInput($"--address '{parse.GetValue(address)}' is not an IP address");
            var p = parse.GetValue(port);
            if (p is < 0 or > 65535) return Errors.BadInput($"--port {p} is out of range: expected 0 to 65535");
            if (parse.GetValue(households) is { } h && h is < 1 or > 1_000_000) return Errors.BadInput($"--households {h} is out of range: expected 1 to 1000000");
            if (!cluster.TryRead(parse, out var target, out var bad)) return Errors.BadInput(bad!);
            Scenario scenario;
            try
            {
                scenario = ScenarioLoader.Load(parse.GetValue(file)!, new ScenarioOverrides(Seed: parse.GetValue(seed)));
                scenario = StudioScenario.Reduce(scenario, parse.GetValue(households) ?? (parse.GetValue(bench) ? BenchHouseholds : null), parse.GetValue(months));
            }
            catch (ScenarioException e)
            {
                return Errors.BadInput(e.Errors);
            }
            catch (StudioException e)
            {
                return Errors.BadInput(e.Message);
            }
            if (parse.GetValue(bench)) return await BenchAsync(scenario, cancel);
            return await ExecuteAsync(scenario, ip, p, target, parse.GetValue(exportRoot)!, cancel);
        });
        return command;
    }

    /// <summary>The declared size of the studio's speed target (bench/DECLARATION.md): 20,000 households, at least 5 months a second.</summary>
    public const int BenchHouseholds = 20_000;
    public const double TargetMonthsPerSecond = 5;

    /// <summary>
    /// placesim studio --bench: the session on the embedded silo, as a room would play it but
    /// with no browser and no waits: the burn-in (reset), then every month in all four worlds,
    /// each month timed. Reports months a second (median month and overall) against the target.
    /// </summary>
    public static async Task<int> BenchAsync(Scenario scenario, CancellationToken cancel)
    {
        await using var embedded = await EmbeddedCluster.StartAsync(cancel);
        await using var session = new StudioSession(scenario, new OrleansEngine(embedded.Client, ScenarioExecution.Embedded));
        var cpu = System.Diagnostics.Process.GetCurrentProcess();
        var reset = System.Diagnostics.Stopwatch.StartNew();
        await session.ResetAsync(cancel);
        var resetSeconds = reset.Elapsed.TotalSeconds;
        // One pull of each side, as in a session, so every world differs.
        await session.PullAsync("local.crisis_fund.budget_gbp_month_per_1000", 6000, Studio.Levers.Role.Facilitator, "bench", cancel);
        await session.PullAsync("national.sanctions.monthly_rate", 0.04, Studio.Levers.Role.Facilitator, "bench", cancel);
        var cpuBefore = cpu.TotalProcessorTime;
        var all = System.Diagnostics.Stopwatch.StartNew();
        var months = new List<double>();
        while (!session.Finished)
        {
            var one = System.Diagnostics.Stopwatch.StartNew();
            await session.StepAsync(cancel);
            months.Add(one.Elapsed.TotalSeconds);
        }
        var total = all.Elapsed.TotalSeconds;
        cpu.Refresh();
        var cpuSeconds = (cpu.TotalProcessorTime - cpuBefore).TotalSeconds;
        var median = months.Order().ElementAt(months.Count / 2);
        var rate = months.Count / total;
        var met = rate >= TargetMonthsPerSecond;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        var result = new
        {
            scenario = scenario.Path, place = session.Place.Id, households = session.Place.SimulatedHouseholds, worlds = Worlds.Count,
            burnInMonths = session.Spec.BurnInMonths, months = months.Count, resetSeconds, seconds = total, cpuSeconds,
            monthsPerSecond = rate, medianMonthSeconds = median, targetMonthsPerSecond = TargetMonthsPerSecond, met,
            cores = Environment.ProcessorCount, loadAverage = load, version = ProgramVersion.Text,
        };
        await File.WriteAllTextAsync("studio-bench.json", System.Text.Json.JsonSerializer.Serialize(result, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n", cancel);
        Console.WriteLine($"studio bench: {session.Place.SimulatedHouseholds:N0} households, {Worlds.Count} worlds, {months.Count} months in {total:F2} s " +
            $"({rate:F1} months a second; median month {1000 * median:F0} ms; {cpuSeconds:F1} CPU s); reset and {session.Spec.BurnInMonths} burn-in months {resetSeconds:F1} s; " +
            $"{Environment.ProcessorCount} cores, load {load}. Target at least {TargetMonthsPerSecond} months a second: {(met ? "met" : "NOT met")}. Wrote studio-bench.json");
        return met ? ExitCodes.Ok : ExitCodes.Failed;
    }

    public static async Task<int> ExecuteAsync(Scenario scenario, IPAddress address, int port, ClusterTarget? cluster, string exportRoot, CancellationToken cancel)
    {
        EmbeddedCluster? embedded = null;
        Microsoft.Extensions.Hosting.IHost? client = null;
        try
        {
            IRunEngine engine;
            try
            {
                if (cluster is null)
                {
                    embedded = await EmbeddedCluster.StartAsync(cancel);
                    engine = new OrleansEngine(embedded.Client, ScenarioExecution.Embedded);
                }
                else
                {
                    client = await cluster.ConnectAsync(cancel);
                    engine = new OrleansEngine(client.Services.GetRequiredService<IClusterClient>(), cluster.Describe());
                }
            }
            catch (ClusterUnreachableException e)
            {
                return Errors.Failed($"{e.Message}. The studio did not start.");
            }

            await using var session = new StudioSession(scenario, engine);
            try
            {
                await session.ResetAsync(cancel);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
            {
                return Errors.Failed($"the studio could not start its worlds: {RunPipeline.Plain(e)}");
            }

            StudioServer server;
            try
            {
                server = StudioServer.Create(session, address, port);
                server.ExportRoot = exportRoot;
                server.Export = (s, folder, _) => Task.FromResult(StudioExport.Write(s, folder, ProgramVersion.Text, engine.Name));
                await server.StartAsync(cancel);
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
            {
                return Errors.Failed($"the studio could not listen on {address}:{port}: {e.GetBaseException().Message} (give another --port, or 0 for a free one)");
            }
            await using (server)
            {
                var place = session.Place;
                // Scripts and tests wait for this line.
                Console.WriteLine($"studio ready at {server.Url}");
                Console.WriteLine($"  {scenario.Title}: {place.Label}, {place.SimulatedHouseholds:N0} simulated households, {session.Spec.Months} months from {session.DateOf(0)}; engine: {engine.Name}");
                Console.WriteLine($"  room code {session.Room.Code}: participants open {server.Url}join and type it");
                if (!server.OnLoopback)
                    Console.WriteLine($"  facilitator token {session.Room.Token}: open {server.Url}?token={session.Room.Token} (keep it to yourself)");
                Console.WriteLine("  stop with Ctrl+C");
                Console.Out.Flush();
                try
                {
                    await Task.Delay(Timeout.Infinite, cancel);
                }
                catch (OperationCanceledException)
                {
                }
            }
            return ExitCodes.Ok;
        }
        finally
        {
            if (client is not null)
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try { await client.StopAsync(stop.Token); } catch (Exception) { /* the cluster may be gone */ }
                client.Dispose();
            }
            if (embedded is not null) await embedded.DisposeAsync();
        }
    }
}
