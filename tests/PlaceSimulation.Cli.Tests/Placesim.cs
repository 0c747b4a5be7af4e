using System.Diagnostics;
using System.Text;
using PlaceSimulation.Tests.Shared;

namespace PlaceSimulation.Cli.Tests;

/// <summary>What one placesim process did.</summary>
public sealed record CliResult(int ExitCode, string StdOut, string StdErr)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}

/// <summary>
/// Runs the real placesim as its own process: `dotnet placesim.dll ARGS`, from the CLI's own
/// output folder (its ReadyToRun images and runtime settings, what `dotnet run` starts).
/// </summary>
public static class Placesim
{
    /// <summary>Longer than any run here should take; a hung process fails its test rather than the suite.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    public static string Dll { get; } = BuiltCli.Dll(Repository.Root);

    public static async Task<CliResult> RunAsync(string workingDirectory, params string[] args)
    {
        if (!File.Exists(Dll)) throw new FileNotFoundException($"build the CLI first ({BuiltCli.Configuration}): {Dll}", Dll);
        // `dotnet test` names the dotnet it runs under; fall back to the one on the PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
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

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"placesim {string.Join(' ', args)} did not finish within {Limit}:\n{await stdout}\n{await stderr}");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
