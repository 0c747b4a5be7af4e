using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PlaceSimulation.Studio.Levers;
using PlaceSimulation.Studio.Sessions;

namespace PlaceSimulation.Studio.Web;

/// <summary>Who is asking: the facilitator, a participant, or nobody known.</summary>
public sealed record Caller(Role? Role, Participant? Participant)
{
    public bool IsFacilitator => Role == Levers.Role.Facilitator;
    public bool Known => Role is not null;
    public string Who => Participant?.Name ?? (IsFacilitator ? "facilitator" : "anonymous");
}

public sealed record LeverRequest(string? Path, double? Value);
public sealed record JoinRequest(string? Code, string? Name);
public sealed record RoleRequest(string? Role);
public sealed record LockRequest(bool? Locked);
public sealed record SpeedRequest(double? MonthsPerSecond);
public sealed record FollowRequest(int? Id, int? Adults, int? Children, string? Tenure, bool? UniversalCredit, bool? Pensioner);
public sealed record ExportRequest(string? Out);

/// <summary>
/// The studio's web server: the page (with its vendored chart library) and the HTTP interface
/// (docs/STUDIO.md). It binds to loopback unless told an address. On loopback, a caller on
/// this machine is the facilitator; off loopback, facilitator controls need the session token
/// (header <c>X-Studio-Token</c> or <c>?token=</c>) and everything else a participant's id
/// (header <c>X-Studio-Participant</c> or <c>?participant=</c>), which joining with the room
/// code gives.
/// </summary>
public sealed class StudioServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StudioServer(WebApplication app, StudioSession session, IPAddress address, bool openToLocal)
    {
        _app = app;
        Session = session;
        Address = address;
        OnLoopback = openToLocal;
    }

    public StudioSession Session { get; }
    public IPAddress Address { get; }
    /// <summary>Served on loopback only: a caller on this machine is the facilitator without a token.</summary>
    public bool OnLoopback { get; }

    /// <summary>The address the page is served at, once started.</summary>
    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Where "export charts" writes the chart pack (a folder per export).</summary>
    public string ExportRoot { get; set; } = Path.Combine("out", "studio");

    /// <summary>Writes the chart pack of the session so far (set by the host: it knows the program's version).</summary>
    public Func<StudioSession, string, CancellationToken, Task<string>>? Export { get; set; }

    /// <param name="requireCredentials">apply the off-loopback rules (token, room code) even on loopback (tests)</param>
    public static StudioServer Create(StudioSession session, IPAddress address, int port, bool requireCredentials = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(address, port));
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase);
        var app = builder.Build();
        var server = new StudioServer(app, session, address, IPAddress.IsLoopback(address) && !requireCredentials);
        session.Events.StateOf = () => StudioViews.State(session);
        server.Map(app);
        return server;
    }

    public async Task StartAsync(CancellationToken cancel)
    {
        await _app.StartAsync(cancel);
        var bound = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(bound.Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "127.0.0.1")).Port;
        var host = IPAddress.IsLoopback(Address) || Address.Equals(IPAddress.Any) || Address.Equals(IPAddress.IPv6Any) ? "127.0.0.1" : Address.ToString();
        Url = new Uri($"http://{host}:{port}/");
    }

    public async ValueTask DisposeAsync()
    {
        // Open event streams end first, so stopping does not wait for browsers to let go.
        Session.Events.Complete();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Open event streams are cut.
        }
        await _app.DisposeAsync();
    }

    /// <summary>Who sent the request (see the class comment).</summary>
    public Caller Identify(HttpContext http)
    {
        var token = Header(http, "X-Studio-Token", "token");
        if (token is not null && Session.Room.IsToken(token)) return new Caller(Role.Facilitator, null);
        var id = Header(http, "X-Studio-Participant", "participant");
        if (Session.Room.Find(id) is { } p) return new Caller(p.Role, p);
        if (id is null && OnLoopback && http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote))
            return new Caller(Role.Facilitator, null);
        return new Caller(null, null);
    }

    private static string? Header(HttpContext http, string header, string query) =>
        http.Request.Headers.TryGetValue(header, out var h) && h.Count > 0 ? h[0] : http.Request.Query.TryGetValue(query, out var q) && q.Count > 0 ? q[0] : null;

    private Caller Facilitator(HttpContext http)
    {
        var c = Identify(http);
        if (!c.IsFacilitator)
            throw new StudioException(c.Known ? 403 : 401, c.Known
                ? "only the facilitator can do that"
                : "this needs the facilitator's session token (printed when the studio started): send it as the X-Studio-Token header");
        return c;
    }

    private Caller Member(HttpContext http)
    {
        var c = Identify(http);
        if (!c.Known) throw new StudioException(401, "join the session first: POST /api/join with the room code and your name");
        return c;
    }

    private void Map(WebApplication app)
    {
        // Every refusal is one sentence in JSON with its status, never a stack trace.
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (Exception e) when (!http.Response.HasStarted && e is StudioException or BadHttpRequestException or JsonException)
            {
                var (status, message) = e switch
                {
                    StudioException s => (s.Status, s.Message),
                    BadHttpRequestException b => (b.StatusCode, "the request body is not the JSON expected: " + Plain(b)),
                    _ => (400, "the request body is not the JSON expected: " + e.Message),
                };
                http.Response.StatusCode = status;
                await http.Response.WriteAsJsonAsync(new { error = message });
            }
            catch (Exception e) when (!http.Response.HasStarted && e is not OperationCanceledException)
            {
                // A fault of the studio or the engine: one sentence for the caller and the terminal.
                var message = Runs.RunPipeline.Plain(e);
                Console.Error.WriteLine($"studio: {http.Request.Method} {http.Request.Path} failed: {message}");
                http.Response.StatusCode = 500;
                await http.Response.WriteAsJsonAsync(new { error = $"the studio could not do that: {message}" });
            }
        });

        app.MapGet("/", () => Page());
        app.MapGet("/join", () => Page());
        app.MapGet("/static/{*file}", (string file) => Asset(file));

        app.MapGet("/api/state", (HttpContext http) =>
        {
            Member(http);
            return Results.Json(StudioViews.State(Session), StudioEvents.Json);
        });
        app.MapGet("/api/me", (HttpContext http) =>
        {
            var c = Identify(http);
            return Results.Json(new
            {
                role = c.Role is { } r ? Roles.Name(r) : null,
                name = c.Who,
                handle = c.Participant?.Handle,
                roomCode = c.IsFacilitator ? Session.Room.Code : null,
                tokenRequired = !OnLoopback,
                levers = c.Role is { } role ? Session.Levers.All.Where(l => LeverCatalogue.Allowed(role, l)).Select(l => l.Path) : [],
            }, StudioEvents.Json);
        });
        app.MapGet("/api/events", (HttpContext http, CancellationToken cancel) =>
        {
            Member(http);
            return TypedResults.ServerSentEvents(Session.Events.Listen(cancel));
        });
        app.MapGet("/api/scenario", (HttpContext http) =>
        {
            Member(http);
            return Results.Text(StudioScenario.Write(Session), "application/yaml; charset=utf-8");
        });

        app.MapPost("/api/join", (JoinRequest body) =>
        {
            var p = Session.Room.Join(body.Code ?? "", body.Name ?? "");
            Session.Events.State();
            return Results.Json(new { participant = p.Id, handle = p.Handle, name = p.Name, role = Roles.Name(p.Role) }, StudioEvents.Json);
        });
        app.MapPost("/api/play", async (HttpContext http) =>
        {
            Facilitator(http);
            if (Session.Finished) throw new StudioException(409, "the session has run its last month: reset it to play again");
            await Session.PlayAsync();
            return Ok();
        });
        app.MapPost("/api/pause", async (HttpContext http) =>
        {
            Facilitator(http);
            await Session.PauseAsync();
            return Ok();
        });
        app.MapPost("/api/step", async (HttpContext http, CancellationToken cancel) =>
        {
            Facilitator(http);
            if (Session.Playing) throw new StudioException(409, "the session is playing: pause it to step one month at a time");
            if (!await Session.StepAsync(cancel)) throw new StudioException(409, "the session has run its last month: reset it to step again");
            return Ok();
        });
        app.MapPost("/api/reset", async (HttpContext http, CancellationToken cancel) =>
        {
            Facilitator(http);
            await Session.ResetAsync(cancel);
            return Ok();
        });
        app.MapPost("/api/speed", (HttpContext http, SpeedRequest body) =>
        {
            Facilitator(http);
            Session.SetSpeed(body.MonthsPerSecond ?? double.NaN);
            return Ok();
        });
        app.MapPost("/api/lock", (HttpContext http, LockRequest body) =>
        {
            Facilitator(http);
            Session.Room.Lock(body.Locked ?? throw new StudioException(400, "locked: expected true or false"));
            Session.Events.State();
            return Ok();
        });
        app.MapPost("/api/participants/{handle}/role", (HttpContext http, string handle, RoleRequest body) =>
        {
            Facilitator(http);
            if (!Roles.TryParse(body.Role, out var role))
                throw new StudioException(400, $"role: expected one of {string.Join(", ", Roles.ForParticipants.Select(Roles.Name))}");
            var p = Session.Room.Assign(handle, role);
            Session.Events.State();
            return Results.Json(new { handle = p.Handle, name = p.Name, role = Roles.Name(p.Role) }, StudioEvents.Json);
        });
        app.MapPost("/api/levers", async (HttpContext http, LeverRequest body, CancellationToken cancel) =>
        {
            var c = Member(http);
            var pull = await Session.PullAsync(body.Path, body.Value, c.Role!.Value, c.Who, cancel);
            return Results.Json(pull, StudioEvents.Json);
        });
        app.MapPost("/api/follow", async (HttpContext http, FollowRequest body, CancellationToken cancel) =>
        {
            Facilitator(http);
            var filter = new HouseholdFilter(body.Adults, body.Children, body.Tenure, body.UniversalCredit, body.Pensioner);
            return Results.Json(await Session.FollowAsync(body.Id, filter, cancel), StudioEvents.Json);
        });
        app.MapPost("/api/export", async (HttpContext http, ExportRequest? body, CancellationToken cancel) =>
        {
            Facilitator(http);
            if (Export is null) throw new StudioException(501, "this studio cannot export charts");
            if (Session.History.Count == 0) throw new StudioException(409, "no month has run yet: play or step first");
            var folder = body?.Out is { Length: > 0 } o ? o : Path.Combine(ExportRoot, $"{Session.Source.Name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
            return Results.Json(new { folder = Path.GetFullPath(await Export(Session, folder, cancel)) }, StudioEvents.Json);
        });
    }

    private IResult Ok() => Results.Json(new { ok = true, month = Session.Month, playing = Session.Playing }, StudioEvents.Json);

    private static string Plain(Exception e) => e.GetBaseException().Message.Split('\n')[0];

    private static IResult Page() => Asset("index.html");

    private static IResult Asset(string file)
    {
        var name = "wwwroot/" + file;
        var stream = typeof(StudioServer).Assembly.GetManifestResourceStream(name);
        if (stream is null || file.Contains("..", StringComparison.Ordinal)) return Results.NotFound(new { error = $"no file '{file}'" });
        var type = Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".md" => "text/markdown; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => "application/octet-stream",
        };
        return Results.Stream(stream, type);
    }
}
