using System.Diagnostics;
using System.Text.Json;

namespace PlaceSimulation.Reports.Files;

/// <summary>
/// Writes a run's outputs into a temporary folder next to the destination and moves it
/// into place only when everything is written, so a failed or interrupted run leaves no
/// half-written folder. An existing destination is replaced only if it is empty, or provably
/// an earlier placesim output and nothing else: its manifest.json says <c>"program":
/// "placesim"</c> and every file in it is one the manifest lists (a manifest without a file
/// list, from <c>placesim calibrate</c>, allows only plain result files beside it, no folder).
/// Anything else is refused and left untouched. Staging folders left by a run that was killed
/// while writing are removed by the next run to the same destination.
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
        if (!Directory.Exists(full) || !Directory.EnumerateFileSystemEntries(full).Any()) return null;
        var manifest = Path.Combine(full, "manifest.json");
        if (!File.Exists(manifest))
            return $"'{destination}' exists and is not an earlier placesim output (no manifest.json): choose another --out folder";
        if (Foreign(full, manifest) is { } why)
            return $"'{destination}' is not only an earlier placesim output ({why}): it was left untouched; choose another --out folder";
        return null;
    }

    /// <summary>Why the folder is not provably a placesim output and nothing else, or null.</summary>
    private static string? Foreign(string folder, string manifest)
    {
        HashSet<string>? listed = null;
        try
        {
            if (new FileInfo(manifest).Length > 16 * 1024 * 1024) return "its manifest.json is too large to be placesim's";
            using var doc = JsonDocument.Parse(File.ReadAllBytes(manifest));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("program", out var program)
                || program.ValueKind != JsonValueKind.String || program.GetString() != "placesim")
                return "its manifest.json was not written by placesim";
            if (root.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Array)
            {
                listed = new HashSet<string>(StringComparer.Ordinal) { "manifest.json" };
                foreach (var f in files.EnumerateArray())
                    if (f.ValueKind == JsonValueKind.String) listed.Add(f.GetString()!);
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return "its manifest.json cannot be read as placesim's";
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, entry).Replace(Path.DirectorySeparatorChar, '/');
            var info = new FileInfo(entry);
            if (info.LinkTarget is not null) return $"it holds a link, {relative}";
            if (Directory.Exists(entry))
            {
                if (listed is null) return $"it holds a folder, {relative}, that its manifest does not list";
                if (!listed.Any(f => f.StartsWith(relative + "/", StringComparison.Ordinal))) return $"it holds {relative}/, which its manifest does not list";
                continue;
            }
            if (listed is not null ? !listed.Contains(relative) : !PlainResult(relative))
                return $"it holds {relative}, which its manifest does not list";
        }
        return null;
    }

    private static readonly string[] ResultExtensions = [".csv", ".json", ".parquet"];

    /// <summary>A manifest without a file list allows only data files beside it (calibration.csv, not notes or code).</summary>
    private static bool PlainResult(string relative) =>
        !relative.Contains('/') && (relative == "calibration.md" || ResultExtensions.Contains(Path.GetExtension(relative)));

    public static OutputFolder Begin(string destination)
    {
        if (Problem(destination) is { } problem) throw new IOException(problem);
        var full = Path.GetFullPath(destination);
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        CleanUp(full);
        if (Problem(destination) is { } again) throw new IOException(again);
        // The staging folder names its process, so a later run knows when its writer is gone.
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return new OutputFolder(full, staging);
    }

    /// <summary>
    /// Removes what a run killed while writing left beside <paramref name="full"/>: staging
    /// folders whose process has ended, and the earlier output a killed commit had moved aside
    /// (put back if the new output never arrived, removed if it did).
    /// </summary>
    public static void CleanUp(string full)
    {
        var parent = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        if (!Directory.Exists(parent)) return;
        foreach (var dir in Directory.EnumerateDirectories(parent, $".{name}.tmp-*"))
        {
            var rest = Path.GetFileName(dir)[$".{name}.tmp-".Length..];
            var dash = rest.IndexOf('-');
            var stale = dash > 0 && int.TryParse(rest[..dash], out var pid)
                ? pid != Environment.ProcessId && !Running(pid)
                : Directory.GetLastWriteTimeUtc(dir) < DateTime.UtcNow.AddHours(-1); // an older placesim's name, without its process
            if (stale) TryDelete(dir);
        }
        var moved = Directory.EnumerateDirectories(parent, $"{name}.old-*").OrderByDescending(Directory.GetLastWriteTimeUtc).ToList();
        if (moved.Count > 0 && !Directory.Exists(full))
        {
            Directory.Move(moved[0], full);
            moved.RemoveAt(0);
        }
        foreach (var dir in moved) TryDelete(dir);
    }

    private static bool Running(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next run; it never blocks this one.
        }
    }

    public string PathOf(string relative)
    {
        var p = Path.Combine(Staging, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(p)!);
        return p;
    }

    public void Commit()
    {
        // Checked again: the destination may have changed while the run went on.
        if (Problem(Destination) is { } problem) throw new IOException(problem);
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
