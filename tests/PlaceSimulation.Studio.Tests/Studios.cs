using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PlaceSimulation.Runs;
using PlaceSimulation.Scenarios;
using PlaceSimulation.Studio.Sessions;
using PlaceSimulation.Studio.Web;

namespace PlaceSimulation.Studio.Tests;

/// <summary>The repository the tests run in (scenarios/ and the solution file).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "PlaceSimulation.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("PlaceSimulation.sln not found above the test assembly");
    }

    public static string Scenario(string name) => Path.Combine(Root, "scenarios", name);
}

/// <summary>A studio served in this test process on a free loopback port, on the pure model loop (no Orleans): small and fast.</summary>
public sealed class TestStudio : IAsyncDisposable
{
    private TestStudio(StudioSession session, StudioServer server, HttpClient http)
    {
        Session = session;
        Server = server;
        Http = http;
    }

    public StudioSession Session { get; }
    public StudioServer Server { get; }
    public HttpClient Http { get; }

    /// <param name="requireCredentials">the off-loopback rules: token for the facilitator, room code for the rest</param>
    public static async Task<TestStudio> StartAsync(int households = 300, int months = 12, bool requireCredentials = false)
    {
        var scenario = ScenarioLoader.Load(Repository.Scenario("offset.yaml"));
        scenario = StudioScenario.Reduce(scenario with { Spec = scenario.Spec with { Months = months, BurnInMonths = 12 } }, households);
        var session = new StudioSession(scenario, new InProcessEngine());
        await session.ResetAsync();
        var server = StudioServer.Create(session, IPAddress.Loopback, 0, requireCredentials);
        server.ExportRoot = Path.Combine(Path.GetTempPath(), $"studio-export-{Guid.NewGuid():N}");
        server.Export = (s, folder, _) => Task.FromResult(StudioExport.Write(s, folder, "test", "in process"));
        await server.StartAsync(CancellationToken.None);
        var http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(30) };
        return new TestStudio(session, server, http);
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var r = await Http.GetAsync(path);
        Assert.True(r.IsSuccessStatusCode, $"GET {path}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object? body = null, string? participant = null, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (participant is not null) request.Headers.Add("X-Studio-Participant", participant);
        if (token is not null) request.Headers.Add("X-Studio-Token", token);
        using var r = await Http.SendAsync(request);
        var text = await r.Content.ReadAsStringAsync();
        return (r.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        await Session.DisposeAsync();
        if (Directory.Exists(Server.ExportRoot)) Directory.Delete(Server.ExportRoot, recursive: true);
    }
}
