using System.Text.RegularExpressions;

namespace PlaceSimulation.Reports.Files;

/// <summary>
/// Secrets never recorded: a Redis user name or password (<c>password=...</c>, <c>user=...</c>
/// in a connection string) is replaced by <c>***</c> wherever a command line or a cluster is
/// written down (manifest.json, the terminal).
/// </summary>
public static partial class Redaction
{
    [GeneratedRegex(@"\b(password|user)\s*=\s*[^,\s""']*", RegexOptions.IgnoreCase)]
    private static partial Regex Secrets();

    public static string Redact(string text) => Secrets().Replace(text, m => m.Value[..(m.Value.IndexOf('=') + 1)] + "***");
}
