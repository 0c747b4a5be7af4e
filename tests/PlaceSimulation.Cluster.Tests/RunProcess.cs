using System.Diagnostics;
using System.Text;

namespace PlaceSimulation.Cluster.Tests;

/// <summary>A <c>placesim run</c> process followed by the test: its output, its journal, its end.</summary>
public sealed class RunProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();

    public RunProcess(string outDir, params string[] args) : this("run", outDir, args)
    {
    }

    /// <summary>Any placesim command that writes an output folder (run, offset, sweep).</summary>
    public RunProcess(string command, string outDir, string[] args) : this(null, new Dictionary<string, string>(), command, outDir, args)
    {
    }

    /// <summary>A command in a network namespace (null: this machine's network), with extra environment variables.</summary>
    public RunProcess(string? netns, IDictionary<string, string> environment, string command, string outDir, string[] args)
    {
        OutDir = outDir;
        _process = Placesim.StartIn(netns, environment, [command, .. args, "--out", outDir]);
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_out) _out.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_err) _err.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string OutDir { get; }

    /// <summary>The process id (placesim itself, also when started in a namespace).</summary>
    public int Id => _process.Id;

    public string Out { get { lock (_out) return _out.ToString(); } }

    public string Err { get { lock (_err) return _err.ToString(); } }

    /// <summary>The run's journal beside its output folder (placesim keeps it while the run goes on).</summary>
    public string Journal => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(OutDir))!, $".{Path.GetFileName(OutDir)}.journal");

    /// <summary>Waits until the run has finished at least <paramref name="jobs"/> jobs (so it is under way, not done).</summary>
    public async Task WaitForJobsAsync(int jobs, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Directory.Exists(Journal) || Directory.EnumerateFiles(Journal, "job-*.bin").Count() < jobs)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the run ended ({_process.ExitCode}) before {jobs} job(s) finished:\n{Err}");
            if (clock.Elapsed > timeout) throw new TimeoutException($"no {jobs} finished job(s) after {timeout}:\n{Err}");
            await Task.Delay(20);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the run did not end within {timeout}:\n{Err}");
        }
        _process.WaitForExit(); // the output is read to its end
        return _process.ExitCode;
    }

    /// <summary>Asks the run to stop, as Ctrl+C or a service manager would (SIGTERM), and returns its exit code.</summary>
    public Task<int> TerminateAsync()
    {
        Placesim.Terminate(_process);
        return WaitForExitAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>Kills the client at once (SIGKILL).</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await WaitForExitAsync(TimeSpan.FromSeconds(30));
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
