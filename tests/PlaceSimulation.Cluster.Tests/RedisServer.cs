using System.Diagnostics;
using System.Net.Sockets;

namespace PlaceSimulation.Cluster.Tests;

/// <summary>
/// A Redis server for the cluster tests: the one named by PLACESIM_REDIS (host:port, as .ci/run
/// provides), or else a redis-server started here on a free loopback port.
/// </summary>
public sealed class RedisServer : IDisposable
{
    public const string Variable = "PLACESIM_REDIS";

    private readonly string? _password;
    private Process? _process;
    private string? _connection;

    public RedisServer()
    {
    }

    private RedisServer(string password) => _password = password;

    /// <summary>A server of its own that asks for <paramref name="password"/> (requirepass).</summary>
    public static RedisServer WithPassword(string password) => new(password);

    /// <summary>Why the Redis tests cannot run here, or null if they can.</summary>
    public static string? Unavailable { get; } =
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } || Binary() is not null
            ? null
            : $"no Redis: set {Variable}=host:port or install redis-server (apt-get install -y redis-server); .ci/run does both";

    public static string? Binary() =>
        new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
        ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "redis-server")).FirstOrDefault(File.Exists);

    /// <summary>host:port of a running server; starts one the first time if none was given.</summary>
    public string Connection => _connection ??= _password is null && Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given ? given : StartOwn();

    /// <summary>Whether a password-protected server can be started here (it needs redis-server itself).</summary>
    public static bool CanStartOwn => Binary() is not null;

    private string StartOwn()
    {
        var binary = Binary() ?? throw new InvalidOperationException(Unavailable);
        var port = Placesim.FreePort();
        var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" })
            info.ArgumentList.Add(a);
        if (_password is not null)
        {
            info.ArgumentList.Add("--requirepass");
            info.ArgumentList.Add(_password);
        }
        _process = Process.Start(info)!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var c = new TcpClient();
                c.Connect("127.0.0.1", port);
                return $"127.0.0.1:{port}";
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                Thread.Sleep(100);
            }
        }
    }

    public void Dispose()
    {
        if (_process is { HasExited: false }) _process.Kill();
        _process?.Dispose();
    }
}

/// <summary>A fact that needs a redis-server binary of its own (a password-protected server): skipped where there is none.</summary>
public sealed class OwnRedisFactAttribute : FactAttribute
{
    public OwnRedisFactAttribute()
    {
        if (!RedisServer.CanStartOwn) Skip = "no redis-server binary here to start a password-protected server (apt-get install -y redis-server)";
    }
}

/// <summary>A fact that needs Redis: skipped, with the reason, only where there is none.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Unavailable is { } reason) Skip = reason;
    }
}
