namespace PlaceSimulation.Reports.Files;

/// <summary>
/// Writes a run's outputs into a temporary folder next to the destination and moves it
/// into place only when everything is written, so a failed or interrupted run leaves no
/// half-written folder. An existing destination is replaced only if it is empty or holds a
/// previous placesim output (a manifest.json); anything else is refused.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private bool _committed;

    public string Destination { get; }
    public string Staging { get; }

    private OutputFolder(string destination, string staging)
    {
        Destination = destination;
        Staging = staging;
    }

    /// <summary>Checks the destination can be written, before any work is done.</summary>
    public static string? Problem(string destination)
    {
        var full = Path.GetFullPath(destination);
        if (File.Exists(full)) return $"'{destination}' is a file: expected a folder for the outputs";
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !File.Exists(Path.Combine(full, "manifest.json")))
            return $"'{destination}' exists and is not an earlier placesim output (no manifest.json): choose another --out folder";
        return null;
    }

    public static OutputFolder Begin(string destination)
    {
        if (Problem(destination) is { } problem) throw new IOException(problem);
        var full = Path.GetFullPath(destination);
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}.tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return new OutputFolder(full, staging);
    }

    public string PathOf(string relative)
    {
        var p = Path.Combine(Staging, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(p)!);
        return p;
    }

    public void Commit()
    {
        string? old = null;
        if (Directory.Exists(Destination))
        {
            old = Destination + $".old-{Guid.NewGuid():N}";
            Directory.Move(Destination, old);
        }
        Directory.Move(Staging, Destination);
        _committed = true;
        if (old is not null) Directory.Delete(old, recursive: true);
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
    }
}
