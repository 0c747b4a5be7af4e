using System.Diagnostics;

namespace PlaceSimulation.Reports.Files;

/// <summary>The git commit of the checkout a run was made from, for manifest.json.</summary>
public static class GitCommit
{
    public const string NotACheckout = "not a git checkout";

    private static readonly Dictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// The commit checked out in the folder (or a folder above it), with "+modified" when
    /// tracked files differ from it; "not a git checkout" when there is none or git is not
    /// installed. Asks git, with a five-second bound.
    /// </summary>
    public static string Of(string folder)
    {
        var full = Path.GetFullPath(string.IsNullOrEmpty(folder) ? "." : folder);
        lock (Cache)
        {
            if (Cache.TryGetValue(full, out var hit)) return hit;
            var head = Git(full, "rev-parse HEAD");
            var result = head is { Length: 40 } ? head + (Git(full, "status --porcelain --untracked-files=no") is { Length: > 0 } ? "+modified" : "") : NotACheckout;
            Cache[full] = result;
            return result;
        }
    }

    private static string? Git(string folder, string arguments)
    {
        try
        {
            if (!Directory.Exists(folder)) return null;
            var start = new ProcessStartInfo("git", $"-C \"{folder}\" {arguments}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var p = Process.Start(start);
            if (p is null) return null;
            var output = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(5000))
            {
                try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                return null;
            }
            return p.ExitCode == 0 ? output.Result.Trim() : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return null;
        }
    }
}
