using System.Security.Cryptography;
using System.Text.RegularExpressions;
using PlaceSimulation.Model.Calendar;
using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Scenarios.Yaml;
using YamlDotNet.RepresentationModel;

namespace PlaceSimulation.Scenarios;

/// <summary>
/// Reads a scenario file (see scenarios/README.md for the format), checks everything before
/// anything runs (unknown keys, wrong types, impossible values, months outside the run,
/// unknown presets, policies, places and parameters) and compiles it into a
/// <see cref="RunSpec"/>. All problems are reported together, each with file, line and
/// field; any problem throws a <see cref="ScenarioException"/>.
/// </summary>
public static partial class ScenarioLoader
{
    public const int DefaultBurnInMonths = 36;
    public const int DefaultHouseholdsPerGrain = 2500;
    public const long MaxHouseholds = RunChecks.MaxHouseholds;

    /// <summary>The largest scenario file read: hundreds of places take tens of kilobytes; more is a mistake or an attack.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>Places in one scenario (England has about 300 local authorities and 7,000 wards).</summary>
    public const int MaxPlaces = 10_000;

    private static readonly string[] TopKeys =
        ["name", "title", "question", "start", "months", "burn_in_months", "seed", "replications", "households",
         "households_per_grain", "places", "policies", "arms", "offset", "sweep", "reference", "headline"];
    private static readonly string[] ArmKeys = ["label", "policies"];
    private static readonly string[] RequiredTop = ["name", "title", "question", "start", "months", "households", "places"];
    private static readonly string[] PlaceKeys = ["id", "preset", "label", "share", "set"];
    private static readonly string[] PolicyKeys = ["description", "changes"];
    private static readonly string[] ChangeKeys = ["from", "place", "set", "scale", "add"];
    private static readonly string[] OffsetKeys = ["local", "national"];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    /// <summary>Reads and checks a scenario file; <paramref name="cancel"/> (Ctrl+C, SIGTERM) stops it between places.</summary>
    public static Scenario Load(string path, ScenarioOverrides? overrides = null, CancellationToken cancel = default)
    {
        if (!File.Exists(path))
            throw new ScenarioException([new ScenarioError(path, 0, 0, "(file)", "no such file: expected a scenario file (YAML), e.g. scenarios/offset.yaml")]);
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes) throw TooLarge(path, length);
        var bytes = File.ReadAllBytes(path);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        return Parse(path, text, overrides, Convert.ToHexStringLower(SHA256.HashData(bytes)), cancel);
    }

    private static ScenarioException TooLarge(string path, long bytes) =>
        new([new ScenarioError(path, 0, 0, "(file)", $"the file is {bytes:N0} bytes: a scenario file may be at most {MaxFileBytes:N0} bytes ({MaxPlaces:N0} places)")]);

    public static Scenario Parse(string path, string text, ScenarioOverrides? overrides = null, string? sha256 = null, CancellationToken cancel = default)
    {
        if (text.Length > MaxFileBytes) throw TooLarge(path, text.Length);
        sha256 ??= Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
        var catalogue = ParameterCatalogue.Embedded;
        var y = YamlReader.Parse(path, text);
        if (y.Root is null) throw new ScenarioException(y.Errors);
        var top = y.Mapping(y.Root, "", TopKeys, RequiredTop);
        if (top is null) throw new ScenarioException(y.Errors);

        string? Str(string key) => top.TryGetValue(key, out var n) ? y.String(n.Value, key) : null;
        var name = Str("name");
        if (name is not null && !IdPattern().IsMatch(name)) y.Error(top["name"].Value, "name", $"'{name}' is not a valid name: use lower-case letters, digits and '-'");
        var title = Str("title");
        var question = Str("question");
        var start = top.TryGetValue("start", out var st) ? y.Month(st.Value, "start") : null;
        var months = top.TryGetValue("months", out var mo) ? (int?)y.Integer(mo.Value, "months", 1, 600) : null;
        var burnIn = top.TryGetValue("burn_in_months", out var bi) ? (int?)y.Integer(bi.Value, "burn_in_months", 0, 240) : DefaultBurnInMonths;
        var seed = top.TryGetValue("seed", out var sd) ? y.Integer(sd.Value, "seed", 0, long.MaxValue) : 1;
        var replications = top.TryGetValue("replications", out var rp) ? (int?)y.Integer(rp.Value, "replications", 1, 100_000) : 1;
        var households = top.TryGetValue("households", out var hh) ? y.Integer(hh.Value, "households", 1, MaxHouseholds) : null;
        var perGrain = top.TryGetValue("households_per_grain", out var pg) ? (int?)y.Integer(pg.Value, "households_per_grain", 1, 10_000_000) : DefaultHouseholdsPerGrain;

        var places = top.TryGetValue("places", out var pn) ? ReadPlaces(y, pn.Value, catalogue, cancel) : [];
        var placeIds = places.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);

        var lastMonth = start is { } s0 && months is { } m0 ? s0.AddMonths(m0 - 1) : (YearMonth?)null;
        var sequence = 0;
        var changeNodes = new Dictionary<int, (YamlNode Node, string Field)>();
        var policies = top.TryGetValue("policies", out var pol)
            ? ReadPolicies(y, pol.Value, catalogue, start, lastMonth, placeIds, ref sequence, changeNodes)
            : new Dictionary<string, PolicyInfo>(StringComparer.Ordinal);

        OffsetDesign? offset = null;
        if (top.TryGetValue("offset", out var off)) offset = ReadOffset(y, off.Value, policies);

        var arms = new List<ArmSpec>();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (top.TryGetValue("arms", out var armsNode)) arms = ReadArms(y, armsNode.Value, policies, labels);
        else if (offset is not null) arms = OffsetArms(offset, policies);
        else y.Error(y.Root, "arms", "missing: a scenario needs 'arms' (or an 'offset' design that makes them)");

        string? reference = null;
        if (top.TryGetValue("reference", out var refNode) && y.String(refNode.Value, "reference") is { } r)
        {
            if (arms.Count > 0 && !arms.Any(a => a.Name == r))
                y.Error(refNode.Value, "reference", $"unknown arm '{r}'; expected one of: {string.Join(", ", arms.Select(a => a.Name))}");
            else reference = r;
        }
        IReadOnlyList<string>? headline = null;
        if (top.TryGetValue("headline", out var hlNode) && y.Sequence(hlNode.Value, "headline") is { } hl)
        {
            var names = new List<string>();
            foreach (var item in hl)
            {
                if (y.String(item, "headline") is not { } metric) continue;
                if (!Model.Metrics.MetricCatalogue.ByName.ContainsKey(metric))
                {
                    var near = YamlReader.Nearest(metric, Model.Metrics.MetricCatalogue.ByName.Keys);
                    y.Error(item, "headline", $"unknown metric '{metric}'" + (near is null ? "" : $" (did you mean '{near}'?)") + "; expected metric names as in README.md (e.g. destitution_rate)");
                }
                else if (names.Contains(metric)) y.Error(item, "headline", $"'{metric}' is listed twice");
                else names.Add(metric);
            }
            if (hl.Count == 0) y.Error(hlNode.Value, "headline", "expected at least one metric");
            if (names.Count > 0) headline = names;
        }

        // Command-line overrides, checked like the file's own values.
        var cli = new List<ScenarioError>();
        var sweep = top.TryGetValue("sweep", out var sw) ? SweepBlock.Read(y, sw.Value, catalogue, overrides?.Samples, cli) : null;
        if (overrides is not null)
        {
            if (overrides.Seed is { } os) { if (os < 0) cli.Add(Cli("--seed", $"{os} is out of range: expected a whole number of at least 0")); else seed = os; }
            if (overrides.Replications is { } orp) { if (orp < 1 || orp > 100_000) cli.Add(Cli("--replications", $"{orp} is out of range: expected 1 to 100000")); else replications = orp; }
            if (overrides.Households is { } oh) { if (oh < 1 || oh > MaxHouseholds) cli.Add(Cli("--households", $"{oh} is out of range: expected a household count from 1 to {MaxHouseholds}")); else households = oh; }
            if (overrides.HouseholdsPerGrain is { } opg) { if (opg < 1) cli.Add(Cli("--households-per-grain", $"{opg} is out of range: expected at least 1")); else perGrain = opg; }
            if (overrides.Months is { } om)
            {
                if (om < 1 || om > 600) cli.Add(Cli("--months", $"{om} is out of range: expected 1 to 600"));
                else if (months is { } fileMonths && om < fileMonths)
                {
                    var latest = policies.Values.SelectMany(p => p.Changes).Select(c => c.FromMonth).DefaultIfEmpty(-1).Max();
                    if (latest >= om) cli.Add(Cli("--months", $"{om} months would end the run in {start!.Value.AddMonths(om - 1)}, before the scenario's lever change dated {start.Value.AddMonths(latest)}: expected at least {latest + 1} months"));
                    else months = om;
                }
                else months = om;
            }
        }

        if (households is { } total && places.Count > 0 && total < places.Count)
            y.Error(top.TryGetValue("households", out var hn) ? hn.Value : y.Root, "households", $"{total} households cannot be shared among {places.Count} places: expected at least one per place");

        var errors = y.Errors.Concat(cli).ToList();
        if (errors.Count > 0) throw new ScenarioException(errors);

        var split = Split(households!.Value, places.Select(p => p.Share).ToArray());
        var placeSpecs = places.Select((p, i) => new PlaceSpec(p.Id, p.Label, p.Parameters, split[i])).ToList();
        var spec = new RunSpec(name!, start!.Value, months!.Value, burnIn!.Value, (ulong)seed!.Value, replications!.Value,
            placeSpecs, arms, perGrain!.Value);

        // Every lever, after set, scale or add in the order they apply, keeps its parameter within bounds.
        CheckLeverBounds(y, spec, changeNodes, cancel);
        if (y.Errors.Count > 0) throw new ScenarioException(y.Errors);
        // The run's size against what this machine can hold (the silos check their own share again).
        var size = RunChecks.Size(spec, RunChecks.AvailableMemory()).ToList();
        if (size.Count > 0) throw new ScenarioException(size.Select(m => new ScenarioError(path, 0, 0, "(run size)", m)).ToList());
        var scenario = new Scenario(path, sha256, name!, title!.Trim(), question!.Trim(), spec, policies, offset, sweep) { Labels = labels };
        if (reference is not null) scenario = scenario with { Reference = reference };
        if (headline is not null) scenario = scenario with { Headline = headline };
        return scenario;
    }

    /// <summary>Applies each arm's changes to each place in order; reports, at the change in the file, one that takes a parameter outside its bounds.</summary>
    private static void CheckLeverBounds(YamlReader y, RunSpec spec, Dictionary<int, (YamlNode Node, string Field)> nodes, CancellationToken cancel)
    {
        var reported = new HashSet<int>();
        foreach (var arm in spec.Arms)
        {
            if (arm.Changes.Count == 0) continue;
            foreach (var place in spec.Places)
            {
                cancel.ThrowIfCancellationRequested();
                var changes = arm.Changes.Where(c => c.Place is null || c.Place == place.Id).ToList();
                if (RunChecks.FirstOutOfBounds(place.BaseParameters, changes) is not { } oob || !reported.Add(oob.Change.Sequence)) continue;
                var (node, field) = nodes.TryGetValue(oob.Change.Sequence, out var n) ? n : (y.Root!, "policies");
                y.Error(node, field, $"in arm '{arm.Name}' at place '{place.Id}', {RunChecks.OutOfBounds(oob.Change, oob.Value, oob.Info, spec.Start)}");
            }
        }
    }

    private static ScenarioError Cli(string option, string message) => new("command line", 0, 0, option, message);

    private sealed record PlaceEntry(string Id, string Label, double Share, ModelParameters Parameters);

    private static List<PlaceEntry> ReadPlaces(YamlReader y, YamlNode node, ParameterCatalogue catalogue, CancellationToken cancel)
    {
        var result = new List<PlaceEntry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var list = y.Sequence(node, "places");
        if (list is null) return result;
        if (list.Count == 0) y.Error(node, "places", "expected at least one place");
        if (list.Count > MaxPlaces)
        {
            y.Error(node, "places", $"{list.Count:N0} places: expected at most {MaxPlaces:N0}");
            return result;
        }
        var defaults = catalogue.Defaults();
        for (var i = 0; i < list.Count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            var field = $"places[{i}]";
            var map = y.Mapping(list[i], field, PlaceKeys, ["id", "preset"]);
            if (map is null) continue;
            var id = map.TryGetValue("id", out var idn) ? y.String(idn.Value, field + ".id") : null;
            if (id is not null && !IdPattern().IsMatch(id)) { y.Error(idn.Value, field + ".id", $"'{id}' is not a valid id: use lower-case letters, digits and '-'"); id = null; }
            if (id is not null && !ids.Add(id)) { y.Error(idn.Value, field + ".id", $"place id '{id}' is used twice"); id = null; }
            var presetName = map.TryGetValue("preset", out var pn) ? y.String(pn.Value, field + ".preset") : null;
            PlacePreset? preset = null;
            if (presetName is not null && !catalogue.Presets.TryGetValue(presetName, out preset))
            {
                var near = YamlReader.Nearest(presetName, catalogue.Presets.Keys);
                y.Error(pn.Value, field + ".preset", $"unknown preset '{presetName}'" + (near is null ? "" : $" (did you mean '{near}'?)") + $"; expected one of: {string.Join(", ", catalogue.Presets.Keys.Order())}");
            }
            var share = map.TryGetValue("share", out var sn) ? y.Number(sn.Value, field + ".share", 0.000001, 1_000_000) : 1.0;
            var label = map.TryGetValue("label", out var ln) ? y.String(ln.Value, field + ".label") : preset?.Label;
            if (preset is null || id is null || share is null) continue;
            var parameters = preset.Apply(defaults);
            if (map.TryGetValue("set", out var setNode))
            {
                var set = y.Mapping(setNode.Value, field + ".set", null);
                if (set is not null)
                    foreach (var (path, (keyNode, valueNode)) in set)
                    {
                        var info = Parameter(y, keyNode, $"{field}.set.{path}", path, catalogue);
                        if (info is null) continue;
                        var v = y.Number(valueNode, $"{field}.set.{path}", info.Min, info.Max, info.IsSwitch);
                        if (v is not null) ParameterSchema.Instance[path].Set(parameters, v.Value);
                    }
            }
            result.Add(new PlaceEntry(id, label ?? id, share.Value, parameters));
        }
        return result;
    }

    private static ParameterInfo? Parameter(YamlReader y, YamlNode keyNode, string field, string path, ParameterCatalogue catalogue)
    {
        if (catalogue.Parameters.TryGetValue(path, out var info)) return info;
        var near = ParameterSchema.Instance.Nearest(path).FirstOrDefault();
        y.Error(keyNode, field, $"unknown lever or parameter '{path}'" + (near is null ? "" : $" (did you mean '{near}'?)") + "; see parameters/ for every parameter");
        return null;
    }

    private static Dictionary<string, PolicyInfo> ReadPolicies(YamlReader y, YamlNode node, ParameterCatalogue catalogue,
        YearMonth? start, YearMonth? last, HashSet<string> placeIds, ref int sequence, Dictionary<int, (YamlNode Node, string Field)> nodes)
    {
        var result = new Dictionary<string, PolicyInfo>(StringComparer.Ordinal);
        var map = y.Mapping(node, "policies", null);
        if (map is null) return result;
        foreach (var (name, (keyNode, valueNode)) in map)
        {
            var field = $"policies.{name}";
            if (!IdPattern().IsMatch(name)) { y.Error(keyNode, field, $"'{name}' is not a valid policy name: use lower-case letters, digits and '-'"); continue; }
            var pm = y.Mapping(valueNode, field, PolicyKeys, PolicyKeys);
            if (pm is null) continue;
            var description = pm.TryGetValue("description", out var dn) ? y.String(dn.Value, field + ".description") : null;
            var changes = new List<ParameterChange>();
            if (pm.TryGetValue("changes", out var cn) && y.Sequence(cn.Value, field + ".changes") is { } list)
            {
                if (list.Count == 0) y.Error(cn.Value, field + ".changes", "expected at least one change");
                for (var i = 0; i < list.Count; i++)
                    changes.AddRange(ReadChange(y, list[i], $"{field}.changes[{i}]", name, catalogue, start, last, placeIds, ref sequence, nodes));
            }
            result[name] = new PolicyInfo(name, description?.Trim() ?? "", changes);
        }
        return result;
    }

    private static IEnumerable<ParameterChange> ReadChange(YamlReader y, YamlNode node, string field, string policy,
        ParameterCatalogue catalogue, YearMonth? start, YearMonth? last, HashSet<string> placeIds, ref int sequence,
        Dictionary<int, (YamlNode Node, string Field)> nodes)
    {
        var result = new List<ParameterChange>();
        var map = y.Mapping(node, field, ChangeKeys, ["from"]);
        if (map is null) return result;
        var from = map.TryGetValue("from", out var fn) ? y.Month(fn.Value, field + ".from") : null;
        if (from is { } f && start is { } s && last is { } l && (f < s || f > l))
        {
            y.Error(fn.Value, field + ".from", $"{f} is outside the run: expected a month from {s} to {l}");
            from = null;
        }
        string? place = null;
        if (map.TryGetValue("place", out var pn))
        {
            place = y.String(pn.Value, field + ".place");
            if (place is not null && !placeIds.Contains(place))
            {
                y.Error(pn.Value, field + ".place", $"unknown place '{place}'; expected one of: {string.Join(", ", placeIds)}");
                place = null;
            }
        }
        if (!map.ContainsKey("set") && !map.ContainsKey("scale") && !map.ContainsKey("add"))
            y.Error(node, field, "expected at least one of 'set', 'scale' or 'add'");

        foreach (var (key, op) in new[] { ("set", ChangeOp.Set), ("scale", ChangeOp.Scale), ("add", ChangeOp.Add) })
        {
            if (!map.TryGetValue(key, out var opNode)) continue;
            var values = y.Mapping(opNode.Value, $"{field}.{key}", null);
            if (values is null) continue;
            foreach (var (path, (keyNode, valueNode)) in values)
            {
                var vf = $"{field}.{key}.{path}";
                var info = Parameter(y, keyNode, vf, path, catalogue);
                if (info is null) continue;
                double? v = op switch
                {
                    ChangeOp.Set => y.Number(valueNode, vf, info.Min, info.Max, info.IsSwitch),
                    ChangeOp.Scale => y.Number(valueNode, vf, 0, RunChecks.MaxScale),
                    _ => y.Number(valueNode, vf),
                };
                if (v is null || from is null || start is null) continue;
                nodes[sequence] = (valueNode, vf);
                result.Add(new ParameterChange(path, from.Value.MonthsSince(start.Value), op, v.Value, place, sequence++, policy));
            }
        }
        return result;
    }

    private static List<ArmSpec> ReadArms(YamlReader y, YamlNode node, Dictionary<string, PolicyInfo> policies, Dictionary<string, string> labels)
    {
        var arms = new List<ArmSpec>();
        var map = y.Mapping(node, "arms", null);
        if (map is null) return arms;
        if (map.Count == 0) y.Error(node, "arms", "expected at least one arm");
        foreach (var (name, (keyNode, valueNode)) in map)
        {
            var field = $"arms.{name}";
            if (!IdPattern().IsMatch(name)) { y.Error(keyNode, field, $"'{name}' is not a valid arm name: use lower-case letters, digits and '-'"); continue; }
            // An arm is a list of policies, or a mapping with a plain-English label and its policies.
            List<YamlNode>? list;
            if (valueNode is YamlMappingNode)
            {
                var am = y.Mapping(valueNode, field, ArmKeys, ["label"]);
                if (am is null) continue;
                if (am.TryGetValue("label", out var ln) && y.String(ln.Value, field + ".label") is { } label)
                {
                    if (label.Trim().Length == 0) y.Error(ln.Value, field + ".label", "expected a label in words, e.g. 'Harsher sanctions'");
                    else labels[name] = label.Trim();
                }
                list = am.TryGetValue("policies", out var pl) ? y.Sequence(pl.Value, field + ".policies") : [];
            }
            else list = y.Sequence(valueNode, field);
            if (list is null) continue;
            var names = new List<string>();
            foreach (var item in list)
            {
                var p = y.String(item, field);
                if (p is null) continue;
                if (!policies.ContainsKey(p))
                {
                    var near = YamlReader.Nearest(p, policies.Keys);
                    y.Error(item, field, $"unknown policy '{p}'" + (near is null ? "" : $" (did you mean '{near}'?)") + (policies.Count == 0 ? "; the scenario defines no policies" : $"; expected one of: {string.Join(", ", policies.Keys)}"));
                    continue;
                }
                names.Add(p);
            }
            arms.Add(new ArmSpec(name, names, names.SelectMany(n => policies[n].Changes).ToList()));
        }
        return arms;
    }

    private static OffsetDesign? ReadOffset(YamlReader y, YamlNode node, Dictionary<string, PolicyInfo> policies)
    {
        var map = y.Mapping(node, "offset", OffsetKeys, OffsetKeys);
        if (map is null) return null;
        string? Ref(string key)
        {
            var p = y.String(map[key].Value, $"offset.{key}");
            if (p is null) return null;
            if (policies.ContainsKey(p)) return p;
            y.Error(map[key].Value, $"offset.{key}", $"unknown policy '{p}'; expected one of: {string.Join(", ", policies.Keys)}");
            return null;
        }
        if (!map.ContainsKey("local") || !map.ContainsKey("national")) return null;
        var local = Ref("local");
        var national = Ref("national");
        if (local is not null && local == national) y.Error(map["national"].Value, "offset.national", "the local change and the national forces must be different policies");
        return local is null || national is null ? null : new OffsetDesign(local, national);
    }

    /// <summary>The four arms of the offset design, in the order B, L, N, LN.</summary>
    public static List<ArmSpec> OffsetArms(OffsetDesign d, IReadOnlyDictionary<string, PolicyInfo> policies)
    {
        ArmSpec Arm(string name, params string[] ps) => new(name, ps, ps.SelectMany(p => policies[p].Changes).ToList());
        return
        [
            Arm(OffsetDesign.Neither),
            Arm(OffsetDesign.LocalOnly, d.LocalPolicy),
            Arm(OffsetDesign.NationalOnly, d.NationalPolicy),
            Arm(OffsetDesign.Both, d.LocalPolicy, d.NationalPolicy),
        ];
    }

    /// <summary>Shares the simulated households among places in proportion to their shares (largest remainders; at least one each).</summary>
    public static int[] Split(long total, double[] shares)
    {
        var sum = shares.Sum();
        var exact = shares.Select(s => total * s / sum).ToArray();
        var counts = exact.Select(e => Math.Max(1L, (long)Math.Floor(e))).ToArray();
        var left = total - counts.Sum();
        foreach (var i in Enumerable.Range(0, shares.Length).OrderByDescending(i => exact[i] - Math.Floor(exact[i])).ThenBy(i => i))
        {
            if (left <= 0) break;
            counts[i]++;
            left--;
        }
        for (var i = 0; left < 0 && i < counts.Length; i++)
        {
            var take = Math.Min(counts[i] - 1, -left);
            counts[i] -= take;
            left += take;
        }
        if (counts.Any(c => c > int.MaxValue)) throw new ScenarioException([new ScenarioError("(households)", 0, 0, "households", "too many households for one place")]);
        return counts.Select(c => (int)c).ToArray();
    }
}
