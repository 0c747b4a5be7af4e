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
        var cluster = new ClusterOptions();
        var command = new Command("studio", "The training studio: a live, shared browser view of a place in two worlds; pull levers, follow a household, save the session as a scenario")
        {
            file, port, address, households, months, seed, exportRoot,
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
                scenario = StudioScenario.Reduce(scenario, parse.GetValue(households), parse.GetValue(months));
            }
            catch (ScenarioException e)
            {
                return Errors.BadInput(e.Errors);
            }
            catch (StudioException e)
            {
                return Errors.BadInput(e.Message);
            }
            return await ExecuteAsync(scenario, ip, p, target, parse.GetValue(exportRoot)!, cancel);
        });
        return command;
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
