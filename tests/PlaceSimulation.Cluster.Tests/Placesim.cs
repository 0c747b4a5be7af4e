using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using PlaceSimulation.Tests.Shared;

namespace PlaceSimulation.Cluster.Tests;

/// <summary>The built placesim CLI, run as real operating-system processes.</summary>
public static class Placesim
{
    public static string Dll { get; } = BuiltCli.Dll(Repository.Root);

    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public static Process Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts placesim with extra environment variables (a password kept off the command line).</summary>
    public static Process Start(IDictionary<string, string> environment, params string[] args) => StartIn(null, environment, args);

    /// <summary>
    /// Starts placesim inside a network namespace (<c>ip netns exec NAME</c>, which enters it and
    /// then execs, so the process's id is placesim's own), or on this machine's network when null.
    /// </summary>
    public static Process StartIn(string? netns, IDictionary<string, string> environment, params string[] args)
    {
        if (!File.Exists(Dll)) throw new FileNotFoundException($"build the CLI first ({BuiltCli.Configuration}): {Dll}");
        var info = new ProcessStartInfo(netns is null ? Dotnet : "ip")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (netns is not null) foreach (var a in new[] { "netns", "exec", netns, Dotnet }) info.ArgumentList.Add(a);
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["NO_COLOR"] = "1";
        info.Environment["COLUMNS"] = "120";
        // Redis clusters require TLS unless the operator says otherwise; these tests say so
        // unless they give a certificate (TlsTests and SecurityTests test TLS itself).
        info.Environment["PLACESIM_TLS"] = "off";
        foreach (var (k, v) in environment) info.Environment[k] = v;
        return Process.Start(info)!;
    }

    /// <summary>Runs placesim to the end; returns its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Out, string Err)> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var p = Start(args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"placesim {string.Join(' ', args)} ran past {timeout}: {await stderr}");
        }
        return (p.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs placesim (in a network namespace, or none) to its end within a bound; killed by its own PID if it overruns.</summary>
    public static async Task<(int Code, string Err)> RunToEndAsync(string? netns, IDictionary<string, string> environment, string[] args, TimeSpan limit)
    {
        using var p = StartIn(netns, environment, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(limit);
        try
        {
            await p.WaitForExitAsync(bound.Token);
        }
        finally
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
        }
        await stdout;
        return (p.ExitCode, await stderr);
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    /// <summary>Asks a process to stop as Ctrl+C or a service manager would (SIGTERM).</summary>
    public static void Terminate(Process p)
    {
        if (!p.HasExited && kill(p.Id, 15) != 0) p.Kill(entireProcessTree: true);
    }
}

/// <summary>A <c>placesim silo</c> process; ready once it has printed its ready line.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SiloProcess(params string[] args) : this(new Dictionary<string, string>(), args)
    {
    }

    public SiloProcess(IDictionary<string, string> environment, params string[] args) : this(null, environment, args)
    {
    }

    /// <summary>A silo in a network namespace (null: this machine's network).</summary>
    public SiloProcess(string? netns, IDictionary<string, string> environment, params string[] args)
    {
        _process = Placesim.StartIn(netns, environment, ["silo", .. args]);
        _process.OutputDataReceived += (_, e) => Line(e.Data, stdout: true);
        _process.ErrorDataReceived += (_, e) => Line(e.Data, stdout: false);
        _process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException($"the silo exited ({_process.ExitCode}) before it was ready:\n{Log}"));
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The silo's process id (placesim itself, also when started in a namespace).</summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    private void Line(string? line, bool stdout)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
        if (stdout && line.StartsWith("placesim silo ready", StringComparison.Ordinal)) _ready.TrySetResult();
    }

    public Task WaitReadyAsync(TimeSpan timeout) => _ready.Task.WaitAsync(timeout);

    /// <summary>Kills the silo at once (SIGKILL), as a crash or the out-of-memory killer would.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(cts.Token);
    }

    /// <summary>Stops the silo gracefully (SIGTERM) and returns its exit code.</summary>
    /// <summary>Waits for the silo to exit by itself; returns its exit code.</summary>
    public async Task<int> WaitExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async Task<int> StopAsync()
    {
        Placesim.Terminate(_process);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
