using System.Text.RegularExpressions;

namespace PlaceSimulation.Cli.Terminal;

/// <summary>
/// Command-line parse errors in words: "--seed abc: expected a whole number" instead of the
/// parser's "Cannot parse argument 'abc' for option '--seed' as expected type
/// 'System.Nullable`1[System.Int64]'".
/// </summary>
public static partial class OptionErrors
{
    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (option|argument) '(?<name>[^']*)' as expected type '(?<type>[^']*)'\.?$")]
    private static partial Regex CannotParse();

    public static string InWords(string message)
    {
        var m = CannotParse().Match(message);
        if (!m.Success) return message;
        var type = m.Groups["type"].Value;
        var expected =
            type.Contains("Int64") || type.Contains("Int32") || type.Contains("UInt") ? "a whole number"
            : type.Contains("Double") || type.Contains("Single") || type.Contains("Decimal") ? "a number"
            : type.Contains("Boolean") ? "true or false"
            : type.Contains("TimeSpan") ? "a duration"
            : "a value of another kind";
        return $"{m.Groups["name"].Value} {m.Groups["value"].Value}: expected {expected}";
    }
}
