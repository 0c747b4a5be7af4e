using System.Reflection;
using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Scenarios.Yaml;
using YamlDotNet.RepresentationModel;

namespace PlaceSimulation.Scenarios;

/// <summary>
/// One parameter as its file describes it. <see cref="Min"/> and <see cref="Max"/> are hard
/// bounds on what a scenario may set; <see cref="RangeLow"/> and <see cref="RangeHigh"/> are
/// the plausible range (file key <c>range: [low, high]</c>) that sensitivity analyses vary it over.
/// </summary>
public sealed record ParameterInfo(
    string Path, double Value, string Unit, string Description, string? Source, string? Assumption,
    double? Min, double? Max, string File, int Line, double? RangeLow = null, double? RangeHigh = null)
{
    public bool IsSwitch => Unit == "switch";

    public bool HasRange => RangeLow is not null && RangeHigh is not null;

    /// <summary>Where the number comes from: the source, or the assumption marked as one.</summary>
    public string Provenance => Source ?? "assumption: " + Assumption;
}

/// <summary>A value a place preset sets, with where it comes from.</summary>
public sealed record PresetValue(string Path, double Value, string? Source, string? Assumption);

/// <summary>A kind of place ("like Middlesbrough"): overrides of the default parameters.</summary>
public sealed record PlacePreset(string Name, string Label, string Like, string Description, IReadOnlyList<PresetValue> Values)
{
    public ModelParameters Apply(ModelParameters defaults)
    {
        var p = defaults.Clone();
        foreach (var v in Values) ParameterSchema.Instance[v.Path].Set(p, v.Value);
        return p;
    }
}

/// <summary>
/// The parameter files and place presets shipped in <c>parameters/</c> (embedded in the
/// program, so a result always comes with the numbers of the version that made it).
/// Loading checks every file: each parameter the model reads is defined once, with a
/// number, a unit, a description, a source or an assumption, and hard bounds (min and max)
/// that it lies within and that no lever may push it across.
/// </summary>
public sealed class ParameterCatalogue
{
    private static readonly Lazy<ParameterCatalogue> EmbeddedLazy = new(LoadEmbedded);

    private ParameterCatalogue(Dictionary<string, ParameterInfo> parameters, Dictionary<string, PlacePreset> presets, List<ScenarioError> problems)
    {
        Parameters = parameters;
        Presets = presets;
        Problems = problems;
    }

    public IReadOnlyDictionary<string, ParameterInfo> Parameters { get; }
    public IReadOnlyDictionary<string, PlacePreset> Presets { get; }

    /// <summary>Everything wrong with the files (empty when they are sound).</summary>
    public IReadOnlyList<ScenarioError> Problems { get; }

    /// <summary>The shipped catalogue; throws if the shipped files are unsound (a build defect, caught by the tests).</summary>
    public static ParameterCatalogue Embedded
    {
        get
        {
            var c = EmbeddedLazy.Value;
            if (c.Problems.Count > 0) throw new ScenarioException(c.Problems);
            return c;
        }
    }

    /// <summary>The shipped catalogue, problems and all (for the test that reports them).</summary>
    public static ParameterCatalogue EmbeddedUnchecked => EmbeddedLazy.Value;

    public ModelParameters Defaults()
    {
        var p = new ModelParameters();
        foreach (var info in Parameters.Values) ParameterSchema.Instance[info.Path].Set(p, info.Value);
        return p;
    }

    /// <summary>
    /// The SHA-256 of every parameter file built into this program (parameters/…, in path
    /// order), each as written in the repository: what manifest.json records so a run can be
    /// matched to the parameters it used.
    /// </summary>
    public static IReadOnlyDictionary<string, string> EmbeddedFileHashes => HashesLazy.Value;

    /// <summary>One SHA-256 over all of them: the file paths and each file's hash, in path order.</summary>
    public static string EmbeddedParametersSha256 => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(string.Concat(EmbeddedFileHashes.Select(kv => $"{kv.Key} {kv.Value}\n")))));

    private static readonly Lazy<IReadOnlyDictionary<string, string>> HashesLazy = new(() =>
    {
        var asm = typeof(ParameterCatalogue).Assembly;
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var n in asm.GetManifestResourceNames().Where(n => n.StartsWith("parameters/", StringComparison.Ordinal)))
        {
            using var s = asm.GetManifestResourceStream(n)!;
            result[n] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(s));
        }
        return result;
    });

    private static ParameterCatalogue LoadEmbedded()
    {
        var asm = typeof(ParameterCatalogue).Assembly;
        var files = asm.GetManifestResourceNames()
            .Where(n => n.StartsWith("parameters/", StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => (n, Read(asm, n)));
        return Load(files);
    }

    private static string Read(Assembly asm, string name)
    {
        using var s = asm.GetManifestResourceStream(name)!;
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    /// <summary>Loads parameter files and presets given as (path under the repository, text).</summary>
    public static ParameterCatalogue Load(IEnumerable<(string Name, string Text)> files)
    {
        var problems = new List<ScenarioError>();
        var parameters = new Dictionary<string, ParameterInfo>(StringComparer.Ordinal);
        var presetFiles = new List<(string, string)>();
        foreach (var (name, text) in files)
        {
            if (name.StartsWith("parameters/places/", StringComparison.Ordinal)) presetFiles.Add((name, text));
            else ReadParameterFile(name, text, parameters, problems);
        }
        foreach (var leaf in ParameterSchema.Instance.Leaves)
            if (!parameters.ContainsKey(leaf.Path))
                problems.Add(new ScenarioError("parameters/", 0, 0, leaf.Path, "the model reads this parameter but no parameter file defines it"));

        var presets = new Dictionary<string, PlacePreset>(StringComparer.Ordinal);
        foreach (var (name, text) in presetFiles)
        {
            var preset = ReadPreset(name, text, parameters, problems);
            if (preset is not null) presets[preset.Name] = preset;
        }
        return new ParameterCatalogue(parameters, presets, problems);
    }

    private static readonly string[] FileKeys = ["description", "parameters"];
    private static readonly string[] ParameterKeys = ["value", "unit", "description", "source", "assumption", "min", "max", "range"];

    private static void ReadParameterFile(string name, string text, Dictionary<string, ParameterInfo> into, List<ScenarioError> problems)
    {
        var y = YamlReader.Parse(name, text);
        var root = y.Root is null ? null : y.Mapping(y.Root, "", FileKeys, FileKeys);
        var prefix = name["parameters/".Length..^".yaml".Length].Replace('/', '.');
        if (root is not null && root.TryGetValue("parameters", out var ps))
        {
            var map = y.Mapping(ps.Value, "parameters", null);
            if (map is not null)
            {
                foreach (var (key, (keyNode, valueNode)) in map)
                {
                    var path = $"{prefix}.{key}";
                    if (!ParameterSchema.Instance.TryGet(path, out _))
                    {
                        var near = ParameterSchema.Instance.Nearest(path).FirstOrDefault();
                        y.Error(keyNode, path, "the model has no such parameter" + (near is null ? "" : $" (did you mean '{near}'?)"));
                        continue;
                    }
                    var fields = y.Mapping(valueNode, path, ParameterKeys, ["value", "unit", "description"]);
                    if (fields is null) continue;
                    var unit = fields.TryGetValue("unit", out var u) ? y.String(u.Value, path + ".unit") : null;
                    var description = fields.TryGetValue("description", out var d) ? y.String(d.Value, path + ".description") : null;
                    var source = fields.TryGetValue("source", out var s) ? y.String(s.Value, path + ".source") : null;
                    var assumption = fields.TryGetValue("assumption", out var a) ? y.String(a.Value, path + ".assumption") : null;
                    if (source is null && assumption is null)
                        y.Error(valueNode, path, "needs a 'source' (a public publication) or an 'assumption' (why this value)");
                    double? min = fields.TryGetValue("min", out var mn) ? y.Number(mn.Value, path + ".min") : null;
                    double? max = fields.TryGetValue("max", out var mx) ? y.Number(mx.Value, path + ".max") : null;
                    if (min is null || max is null)
                        y.Error(valueNode, path, "needs 'min' and 'max': hard bounds that no scenario, preset or lever pulled mid-run may cross");
                    else if (min >= max)
                        y.Error(valueNode, path, $"min {F(min.Value)} must be below max {F(max.Value)}");
                    double? value = fields.TryGetValue("value", out var v) ? y.Number(v.Value, path + ".value", min, max, allowBool: unit == "switch") : null;
                    var range = fields.TryGetValue("range", out var r) ? ReadRange(y, r.Value, path + ".range", unit, value, min, max) : null;
                    if (value is null || unit is null || description is null) continue;
                    if (into.ContainsKey(path)) { y.Error(keyNode, path, "defined twice"); continue; }
                    into[path] = new ParameterInfo(path, value.Value, unit, description, source, assumption, min, max, name, (int)keyNode.Start.Line,
                        range?.Low, range?.High);
                }
            }
        }
        problems.AddRange(y.Errors);
    }

    /// <summary>
    /// The plausible range <c>[low, high]</c>: exactly two numbers, low below high, containing
    /// the value and within min/max where they are given; a switch has none.
    /// </summary>
    private static (double Low, double High)? ReadRange(YamlReader y, YamlNode node, string field, string? unit, double? value, double? min, double? max)
    {
        if (unit == "switch")
        {
            y.Error(node, field, "a switch has no plausible range: remove 'range'");
            return null;
        }
        if (node is not YamlSequenceNode seq || seq.Children.Count != 2)
        {
            var found = node is YamlSequenceNode s ? $"a list of {s.Children.Count}" : YamlReader.Describe(node);
            y.Error(node, field, $"expected two numbers [low, high] (the plausible range), found {found}");
            return null;
        }
        var low = y.Number(seq.Children[0], field);
        var high = y.Number(seq.Children[1], field);
        if (low is null || high is null) return null;
        var ok = true;
        if (low >= high)
        {
            y.Error(node, field, $"expected low below high, found [{F(low.Value)}, {F(high.Value)}]");
            ok = false;
        }
        if (min is not null && low < min)
        {
            y.Error(node, field, $"low {F(low.Value)} is below min {F(min.Value)}: the range must lie within min and max");
            ok = false;
        }
        if (max is not null && high > max)
        {
            y.Error(node, field, $"high {F(high.Value)} is above max {F(max.Value)}: the range must lie within min and max");
            ok = false;
        }
        if (value is not null && (value < low || value > high))
        {
            y.Error(node, field, $"the range [{F(low.Value)}, {F(high.Value)}] does not contain the value {F(value.Value)}");
            ok = false;
        }
        return ok ? (low.Value, high.Value) : null;
    }

    private static string F(double v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static readonly string[] PresetKeys = ["label", "like", "description", "values"];
    private static readonly string[] PresetValueKeys = ["value", "source", "assumption"];

    private static PlacePreset? ReadPreset(string name, string text, Dictionary<string, ParameterInfo> parameters, List<ScenarioError> problems)
    {
        var y = YamlReader.Parse(name, text);
        var root = y.Root is null ? null : y.Mapping(y.Root, "", PresetKeys, PresetKeys);
        if (root is null) { problems.AddRange(y.Errors); return null; }
        var label = root.TryGetValue("label", out var l) ? y.String(l.Value, "label") : null;
        var like = root.TryGetValue("like", out var k) ? y.String(k.Value, "like") : null;
        var description = root.TryGetValue("description", out var d) ? y.String(d.Value, "description") : null;
        var values = new List<PresetValue>();
        if (root.TryGetValue("values", out var vs) && y.Mapping(vs.Value, "values", null) is { } map)
        {
            foreach (var (path, (keyNode, valueNode)) in map)
            {
                if (!parameters.TryGetValue(path, out var info))
                {
                    var near = ParameterSchema.Instance.Nearest(path).FirstOrDefault();
                    y.Error(keyNode, path, "no such parameter" + (near is null ? "" : $" (did you mean '{near}'?)"));
                    continue;
                }
                var fields = y.Mapping(valueNode, path, PresetValueKeys, ["value"]);
                if (fields is null) continue;
                var source = fields.TryGetValue("source", out var s) ? y.String(s.Value, path + ".source") : null;
                var assumption = fields.TryGetValue("assumption", out var a) ? y.String(a.Value, path + ".assumption") : null;
                if (source is null && assumption is null)
                    y.Error(valueNode, path, "needs a 'source' or an 'assumption'");
                var value = fields.TryGetValue("value", out var v) ? y.Number(v.Value, path + ".value", info.Min, info.Max, info.IsSwitch) : null;
                if (value is not null) values.Add(new PresetValue(path, value.Value, source, assumption));
            }
        }
        problems.AddRange(y.Errors);
        if (label is null || like is null || description is null) return null;
        var presetName = name["parameters/places/".Length..^".yaml".Length];
        return new PlacePreset(presetName, label, like, description.Trim(), values);
    }
}
