using PlaceSimulation.Scenarios.Yaml;

namespace PlaceSimulation.Scenarios;

/// <summary>
/// A figure the calibration run must reproduce, within a stated tolerance: national (the
/// run's first place) unless <see cref="Place"/> names another place of the run (a preset's
/// published local figure).
/// </summary>
public sealed record CalibrationTarget(string Metric, double Target, double Tolerance, string Window, string Definition, string Source, string? Place = null)
{
    /// <summary>How the target is named in tables: the metric, and the place when it is not the national one.</summary>
    public string Key => Place is null ? $"`{Metric}`" : $"`{Metric}` in `{Place}`";

    public const string YearMean = "year_mean";
    public const string YearEnd = "year_end";
}

/// <summary>
/// The calibration baseline and its targets (calibration/ in the repository, embedded in
/// the program so that `placesim calibrate` checks the numbers of its own version).
/// </summary>
public static class CalibrationFiles
{
    public const string ScenarioName = "calibration/baseline.yaml";
    public const string TargetsName = "calibration/targets.yaml";

    public static Scenario Scenario(ScenarioOverrides? overrides = null) => ScenarioLoader.Parse(ScenarioName, Read(ScenarioName), overrides);

    private static readonly string[] FileKeys = ["description", "targets"];
    private static readonly string[] TargetKeys = ["metric", "target", "tolerance", "window", "definition", "source"];
    private static readonly string[] TargetKeysAllowed = [.. TargetKeys, "place"];

    public static IReadOnlyList<CalibrationTarget> Targets(IReadOnlyCollection<string> knownMetrics) => ParseTargets(TargetsName, Read(TargetsName), knownMetrics);

    public static IReadOnlyList<CalibrationTarget> ParseTargets(string file, string text, IReadOnlyCollection<string> knownMetrics)
    {
        var y = YamlReader.Parse(file, text);
        var root = y.Root is null ? null : y.Mapping(y.Root, "", FileKeys, FileKeys);
        var targets = new List<CalibrationTarget>();
        if (root is not null && root.TryGetValue("targets", out var tn) && y.Sequence(tn.Value, "targets") is { } list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var f = $"targets[{i}]";
                var m = y.Mapping(list[i], f, TargetKeysAllowed, TargetKeys);
                if (m is null) continue;
                var metric = y.String(m["metric"].Value, f + ".metric");
                if (metric is not null && !knownMetrics.Contains(metric)) { y.Error(m["metric"].Value, f + ".metric", $"no metric '{metric}'"); metric = null; }
                var target = y.Number(m["target"].Value, f + ".target");
                var tolerance = y.Number(m["tolerance"].Value, f + ".tolerance", 0);
                var window = y.String(m["window"].Value, f + ".window");
                if (window is not null && window != CalibrationTarget.YearMean && window != CalibrationTarget.YearEnd)
                {
                    y.Error(m["window"].Value, f + ".window", $"expected {CalibrationTarget.YearMean} or {CalibrationTarget.YearEnd}");
                    window = null;
                }
                var definition = y.String(m["definition"].Value, f + ".definition");
                var source = y.String(m["source"].Value, f + ".source");
                var place = m.TryGetValue("place", out var pn) ? y.String(pn.Value, f + ".place") : null;
                if (metric is null || target is null || tolerance is null || window is null || definition is null || source is null) continue;
                targets.Add(new CalibrationTarget(metric, target.Value, tolerance.Value, window, definition.Trim(), source.Trim(), place));
            }
        }
        if (y.Errors.Count > 0) throw new ScenarioException(y.Errors);
        return targets;
    }

    private static string Read(string name)
    {
        using var s = typeof(CalibrationFiles).Assembly.GetManifestResourceStream(name)
                      ?? throw new FileNotFoundException($"the program has no embedded {name}");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}
