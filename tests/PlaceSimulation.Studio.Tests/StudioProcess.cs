using System.Diagnostics;
using System.Text;
using PlaceSimulation.Tests.Shared;

namespace PlaceSimulation.Studio.Tests;

/// <summary>What one placesim process did.</summary>
public sealed record CliResult(int ExitCode, string StdOut, string StdErr)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}

/// <summary>
/// The real placesim as its own process (<c>dotnet placesim.dll ARGS</c>, from the CLI's
/// output folder). A studio is stopped by its own process id when the test
/// ends, whether it passed or not.
/// </summary>
public sealed class StudioProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyLimit = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _output;

    private StudioProcess(Process process, Uri url, StringBuilder output)
    {
        _process = process;
        Url = url;
        _output = output;
    }

    public Uri Url { get; }

    public string Output { get { lock (_output) return _output.ToString(); } }

    public static string Dll { get; } = BuiltCli.Dll(Repository.Root);

    public static ProcessStartInfo Start(params string[] args)
    {
        if (!File.Exists(Dll)) throw new FileNotFoundException($"build the CLI first ({BuiltCli.Configuration}): {Dll}", Dll);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_COLOR"] = "1";
        return start;
    }

    /// <summary>Starts <c>placesim studio --port 0 ARGS</c> and waits (bounded) for its ready line.</summary>
    public static async Task<StudioProcess> StartAsync(params string[] args)
    {
        var process = Process.Start(Start(["studio", "--port", "0", .. args])) ?? throw new InvalidOperationException("could not start dotnet");
        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) { ready.TrySetException(new InvalidOperationException("placesim studio ended before it was ready")); return; }
            lock (log) log.AppendLine(e.Data);
            const string marker = "studio ready at ";
            var i = e.Data.IndexOf(marker, StringComparison.Ordinal);
            if (i >= 0) ready.TrySetResult(new Uri(e.Data[(i + marker.Length)..].Trim()));
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var url = await ready.Task.WaitAsync(ReadyLimit);
            return new StudioProcess(process, url, log);
        }
        catch (Exception e)
        {
            Stop(process);
            string text;
            lock (log) text = log.ToString();
            throw new InvalidOperationException($"placesim studio did not start: {e.Message}\n{text}");
        }
    }

    /// <summary>Runs placesim to its end (bounded), e.g. <c>run FILE --out DIR</c>.</summary>
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var process = Process.Start(Start(args)) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Stop(process);
            throw new TimeoutException($"placesim {string.Join(' ', args)} did not finish within 3 minutes");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop(_process);
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
