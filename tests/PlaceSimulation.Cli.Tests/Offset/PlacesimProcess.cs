using System.Diagnostics;

namespace PlaceSimulation.Cli.Tests.Offset;

/// <summary>What a placesim process did.</summary>
public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr);

/// <summary>
/// Runs the real CLI as a process (<c>dotnet placesim.dll …</c>, from the CLI's output folder: <see cref="Placesim.Dll"/>)
/// from the repository root, so scenario paths read as in the README.
/// </summary>
public static class PlacesimProcess
{
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "PlaceSimulation.sln"))) return d.FullName;
        throw new InvalidOperationException("no PlaceSimulation.sln above " + AppContext.BaseDirectory);
    }

    public static async Task<ProcessResult> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Placesim.Dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Width and height from a PNG's IHDR chunk: bytes 16-23, big-endian.</summary>
    public static (int Width, int Height) PngSize(string path)
    {
        var b = File.ReadAllBytes(path);
        return ((b[16] << 24) | (b[17] << 16) | (b[18] << 8) | b[19], (b[20] << 24) | (b[21] << 16) | (b[22] << 8) | b[23]);
    }
}

/// <summary>A folder under the temp directory for one test's outputs, deleted afterwards.</summary>
public sealed class OutputScratch : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "placesim-offset-tests-" + Guid.NewGuid().ToString("N"));

    public OutputScratch() => Directory.CreateDirectory(Root);

    public string Out(string name) => Path.Combine(Root, name);

    public string File(string name, string text)
    {
        var path = Path.Combine(Root, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
