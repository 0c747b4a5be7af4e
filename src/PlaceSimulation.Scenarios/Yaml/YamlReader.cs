using System.Globalization;
using PlaceSimulation.Model.Calendar;
using PlaceSimulation.Model.Parameters;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PlaceSimulation.Scenarios.Yaml;

/// <summary>
/// Reads a YAML document node by node, keeping line and column, and collects every problem
/// as a <see cref="ScenarioError"/> naming the file, the line, the field path and what was
/// expected. Callers check <see cref="Errors"/> at the end and refuse the input if any.
/// </summary>
internal sealed class YamlReader
{
    private YamlReader(string file) => File = file;

    public string File { get; }
    public List<ScenarioError> Errors { get; } = new();
    public YamlNode? Root { get; private set; }

    public static YamlReader Parse(string file, string text)
    {
        var reader = new YamlReader(file);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0)
                reader.Errors.Add(new ScenarioError(file, 1, 1, "(file)", "the file is empty: expected a YAML mapping"));
            else
                reader.Root = stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            var inner = ex.InnerException?.Message;
            reader.Errors.Add(new ScenarioError(file, (int)ex.Start.Line, (int)ex.Start.Column, "(syntax)",
                "not valid YAML: " + (inner ?? ex.Message)));
        }
        return reader;
    }

    public void Error(YamlNode? node, string field, string message) =>
        Errors.Add(new ScenarioError(File, node is null ? 0 : (int)node.Start.Line, node is null ? 0 : (int)node.Start.Column, field, message));

    /// <summary>
    /// The entries of a mapping, checked against the allowed and required keys: an unknown
    /// key is an error (with the nearest allowed key as a suggestion), a missing required
    /// key is an error at the mapping.
    /// </summary>
    public Dictionary<string, (YamlNode Key, YamlNode Value)>? Mapping(YamlNode? node, string field, IReadOnlyCollection<string>? allowed, IReadOnlyCollection<string>? required = null)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, field, $"expected a mapping (key: value lines), found {Describe(node)}");
            return null;
        }
        var result = new Dictionary<string, (YamlNode, YamlNode)>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            var path = field.Length == 0 ? key : $"{field}.{key}";
            if (allowed is not null && !allowed.Contains(key))
            {
                var near = Nearest(key, allowed);
                Error(k, path, $"unknown key '{key}'" + (near is null ? "" : $" (did you mean '{near}'?)") + $"; expected one of: {string.Join(", ", allowed)}");
                continue;
            }
            if (!result.TryAdd(key, (k, v))) Error(k, path, $"'{key}' appears twice");
        }
        if (required is not null)
            foreach (var r in required)
                if (!result.ContainsKey(r))
                    Error(node, field.Length == 0 ? r : $"{field}.{r}", $"missing: '{r}' is required");
        return result;
    }

    public List<YamlNode>? Sequence(YamlNode? node, string field)
    {
        if (node is YamlSequenceNode seq) return seq.Children.ToList();
        Error(node, field, $"expected a list, found {Describe(node)}");
        return null;
    }

    public string? String(YamlNode? node, string field, bool allowEmpty = false)
    {
        if (node is YamlScalarNode { Value: not null } s && (allowEmpty || s.Value.Trim().Length > 0)) return s.Value;
        Error(node, field, $"expected text, found {Describe(node)}");
        return null;
    }

    public long? Integer(YamlNode? node, string field, long min, long max)
    {
        if (node is YamlScalarNode { Value: { } text } s && s.Style == ScalarStyle.Plain
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            if (v >= min && v <= max) return v;
            Error(node, field, $"{v} is out of range: expected a whole number from {min} to {max}");
            return null;
        }
        Error(node, field, $"expected a whole number from {min} to {max}, found {Describe(node)}");
        return null;
    }

    public double? Number(YamlNode? node, string field, double? min = null, double? max = null, bool allowBool = false)
    {
        double value;
        if (node is YamlScalarNode { Value: { } text } s && s.Style == ScalarStyle.Plain)
        {
            if (allowBool && (text == "true" || text == "false")) value = text == "true" ? 1 : 0;
            else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
            {
                Error(node, field, $"expected a number{(allowBool ? " (or true/false)" : "")}, found {Describe(node)}");
                return null;
            }
        }
        else
        {
            Error(node, field, $"expected a number{(allowBool ? " (or true/false)" : "")}, found {Describe(node)}");
            return null;
        }
        if ((min is not null && value < min) || (max is not null && value > max))
        {
            Error(node, field, $"{value.ToString(CultureInfo.InvariantCulture)} is out of range: expected {RangeText(min, max)}");
            return null;
        }
        return value;
    }

    public YearMonth? Month(YamlNode? node, string field)
    {
        if (node is YamlScalarNode { Value: { } text } && YearMonth.TryParse(text, out var m)) return m;
        Error(node, field, $"expected a month written YYYY-MM (e.g. 2025-04), found {Describe(node)}");
        return null;
    }

    public static string Describe(YamlNode? node) => node switch
    {
        null => "nothing",
        YamlScalarNode { Value: null or "" } => "an empty value",
        YamlScalarNode s => $"'{s.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "something else",
    };

    private static string RangeText(double? min, double? max) => (min, max) switch
    {
        ({ } a, { } b) => $"a number from {F(a)} to {F(b)}",
        ({ } a, null) => $"a number of at least {F(a)}",
        (null, { } b) => $"a number of at most {F(b)}",
        _ => "a number",
    };

    private static string F(double v) => v.ToString(CultureInfo.InvariantCulture);

    public static string? Nearest(string key, IEnumerable<string> candidates) =>
        NameSuggestions.Nearest(key, candidates).FirstOrDefault();
}
