using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Scenarios.Yaml;
using YamlDotNet.RepresentationModel;

namespace PlaceSimulation.Scenarios;

/// <summary>How a sweep chooses its points.</summary>
public enum SweepDesign { Grid, Lhs, Morris, Sobol }

/// <summary>Where in time a sweep reads each metric: at the last month, or the mean of the last 12 months.</summary>
public enum SweepAt { Horizon, MeanLast12 }

/// <summary>
/// A parameter a sweep varies: from Low to High, or over given Levels (grid levels; the other
/// designs pick among them). Unit and provenance come from the parameter's file.
/// </summary>
public sealed record SweepParameter(string Path, double Low, double High, IReadOnlyList<double>? Levels, string Unit, string Provenance, bool FromDeclaredRange);

/// <summary>
/// A scenario file's <c>sweep:</c> block: the design, its size (base samples for sobol and
/// lhs, trajectories for morris, levels a continuous parameter takes for grid), the metrics
/// measured and when, and the parameters varied.
/// </summary>
public sealed record SweepBlock(SweepDesign Design, int Samples, IReadOnlyList<string> Metrics, SweepAt At, IReadOnlyList<SweepParameter> Vary)
{
    /// <summary>The fewest samples each design can estimate anything from.</summary>
    public static int MinimumSamples(SweepDesign design) => design switch
    {
        SweepDesign.Grid => 2,
        SweepDesign.Lhs => 4,
        SweepDesign.Morris => 4,
        SweepDesign.Sobol => 8,
        _ => 2,
    };

    /// <summary>Most points one sweep may run (each point runs every arm and replication).</summary>
    public const int MaxPoints = 100_000;

    /// <summary>Points the design runs (before arms and replications): grid N^D (levels count as given), lhs N, morris N(D+1), sobol N(D+2).</summary>
    public long Points => Design switch
    {
        SweepDesign.Grid => Vary.Aggregate(1L, (n, p) => n * (p.Levels?.Count ?? Samples)),
        SweepDesign.Lhs => Samples,
        SweepDesign.Morris => (long)Samples * (Vary.Count + 1),
        SweepDesign.Sobol => (long)Samples * (Vary.Count + 2),
        _ => Samples,
    };

    private static readonly string[] Keys = ["design", "samples", "measure", "vary"];
    private static readonly string[] MeasureKeys = ["metrics", "at"];
    private static readonly string[] VaryKeys = ["from", "to", "values"];

    internal static SweepBlock? Read(YamlReader y, YamlNode node, ParameterCatalogue catalogue, int? samplesOverride, List<ScenarioError> cli)
    {
        var map = y.Mapping(node, "sweep", Keys, ["design", "measure", "vary"]);
        if (map is null) return null;
        SweepDesign? design = null;
        if (map.TryGetValue("design", out var dn) && y.String(dn.Value, "sweep.design") is { } d)
        {
            design = d switch { "grid" => SweepDesign.Grid, "lhs" => SweepDesign.Lhs, "morris" => SweepDesign.Morris, "sobol" => SweepDesign.Sobol, _ => null };
            if (design is null) y.Error(dn.Value, "sweep.design", $"unknown design '{d}': expected grid, lhs, morris or sobol");
        }
        var min = design is { } k ? MinimumSamples(k) : 2;
        int? samples = map.TryGetValue("samples", out var sn) ? (int?)y.Integer(sn.Value, "sweep.samples", min, MaxPoints) : design == SweepDesign.Grid ? 3 : null;
        if (samples is null && !map.ContainsKey("samples")) y.Error(node, "sweep.samples", $"missing: expected the number of samples (at least {min} for this design)");
        if (samplesOverride is { } o)
        {
            if (o < min || o > MaxPoints) cli.Add(new ScenarioError("command line", 0, 0, "--samples", $"{o} is out of range: expected {min} to {MaxPoints} for this design"));
            else samples = o;
        }

        var metrics = new List<string>();
        var at = SweepAt.Horizon;
        if (map.TryGetValue("measure", out var mn) && y.Mapping(mn.Value, "sweep.measure", MeasureKeys, ["metrics"]) is { } measure)
        {
            if (measure.TryGetValue("metrics", out var ml) && y.Sequence(ml.Value, "sweep.measure.metrics") is { } list)
            {
                if (list.Count == 0) y.Error(ml.Value, "sweep.measure.metrics", "expected at least one metric");
                for (var i = 0; i < list.Count; i++)
                {
                    if (y.String(list[i], $"sweep.measure.metrics[{i}]") is not { } metric) continue;
                    if (!MetricCatalogue.ByName.ContainsKey(metric))
                    {
                        var near = YamlReader.Nearest(metric, MetricCatalogue.ByName.Keys);
                        y.Error(list[i], $"sweep.measure.metrics[{i}]", $"unknown metric '{metric}'" + (near is null ? "" : $" (did you mean '{near}'?)") + "; the metrics are listed in README.md");
                    }
                    else if (metrics.Contains(metric)) y.Error(list[i], $"sweep.measure.metrics[{i}]", $"'{metric}' is listed twice");
                    else metrics.Add(metric);
                }
            }
            if (measure.TryGetValue("at", out var an) && y.String(an.Value, "sweep.measure.at") is { } a)
            {
                if (a == "horizon") at = SweepAt.Horizon;
                else if (a == "mean_last_12") at = SweepAt.MeanLast12;
                else y.Error(an.Value, "sweep.measure.at", $"unknown '{a}': expected horizon or mean_last_12");
            }
        }

        var vary = new List<SweepParameter>();
        if (map.TryGetValue("vary", out var vn) && y.Mapping(vn.Value, "sweep.vary", null) is { } varied)
        {
            if (varied.Count == 0) y.Error(vn.Value, "sweep.vary", "expected at least one parameter to vary");
            foreach (var (path, (keyNode, valueNode)) in varied)
            {
                var field = $"sweep.vary.{path}";
                if (!catalogue.Parameters.TryGetValue(path, out var info))
                {
                    var near = YamlReader.Nearest(path, catalogue.Parameters.Keys);
                    y.Error(keyNode, field, $"unknown parameter '{path}'" + (near is null ? "" : $" (did you mean '{near}'?)") + "; see parameters/ for every parameter");
                    continue;
                }
                if (ReadVary(y, valueNode, field, info) is { } p) vary.Add(p);
            }
        }
        if (design is null || samples is null || y.Errors.Count > 0) return null;
        if (design == SweepDesign.Grid && vary.Any(p => p.Levels is null) && samples < 2)
            y.Error(node, "sweep.samples", "a grid needs at least 2 levels for each continuous parameter");
        var block = new SweepBlock(design.Value, samples.Value, metrics, at, vary);
        if (block.Points > MaxPoints)
            y.Error(node, "sweep", $"the design would run {block.Points:N0} points (before arms and replications): expected at most {MaxPoints:N0}; use fewer samples, levels or parameters");
        return block;
    }

    private static SweepParameter? ReadVary(YamlReader y, YamlNode node, string field, ParameterInfo info)
    {
        var provenance = info.Provenance;
        // A bare entry (no mapping, or an empty one) takes the range the parameter's file declares.
        if (node is YamlScalarNode { Value: null or "" or "~" } || node is YamlMappingNode { Children.Count: 0 })
        {
            if (info.RangeLow is { } lo && info.RangeHigh is { } hi) return new SweepParameter(info.Path, lo, hi, null, info.Unit, provenance, true);
            y.Error(node, field, $"'{info.Path}' declares no plausible range in {info.File}: give 'from' and 'to' (or 'values')");
            return null;
        }
        var map = y.Mapping(node, field, VaryKeys);
        if (map is null) return null;
        if (map.TryGetValue("values", out var vs))
        {
            if (map.ContainsKey("from") || map.ContainsKey("to")) { y.Error(vs.Value, field, "give either 'values' or 'from' and 'to', not both"); return null; }
            if (y.Sequence(vs.Value, field + ".values") is not { } list) return null;
            var levels = new List<double>();
            for (var i = 0; i < list.Count; i++)
                if (y.Number(list[i], $"{field}.values[{i}]", info.Min, info.Max, info.IsSwitch) is { } v)
                {
                    if (levels.Contains(v)) y.Error(list[i], $"{field}.values[{i}]", $"{v} is listed twice");
                    else levels.Add(v);
                }
            if (list.Count < 2) { y.Error(vs.Value, field + ".values", "expected at least two values"); return null; }
            return levels.Count == list.Count ? new SweepParameter(info.Path, levels.Min(), levels.Max(), levels, info.Unit, provenance, false) : null;
        }
        if (info.IsSwitch) { y.Error(node, field, $"'{info.Path}' is a switch: vary it with 'values: [false, true]'"); return null; }
        if (!map.ContainsKey("from") || !map.ContainsKey("to")) { y.Error(node, field, "expected 'from' and 'to' (or 'values')"); return null; }
        var from = y.Number(map["from"].Value, field + ".from", info.Min, info.Max);
        var to = y.Number(map["to"].Value, field + ".to", info.Min, info.Max);
        if (from is null || to is null) return null;
        if (from >= to) { y.Error(map["to"].Value, field + ".to", $"{to} is not above 'from' ({from}): expected from < to"); return null; }
        return new SweepParameter(info.Path, from.Value, to.Value, null, info.Unit, provenance, false);
    }
}
