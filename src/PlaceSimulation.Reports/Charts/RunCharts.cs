using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Reports.Charts;

/// <summary>
/// The charts every run gets: each headline metric over time for every arm, all places
/// together, with a title that says what happened and a caption with the assumptions.
/// </summary>
public static class RunCharts
{
    public static readonly string[] Metrics =
        ["poverty_rate_ahc", "child_poverty_rate", "destitution_rate", "unmet_needs", "public_cost_gbp"];

    public static IReadOnlyList<string> Write(Scenario scenario, ResultTable t, string folder, string version)
    {
        var written = new List<string>();
        foreach (var name in Metrics)
        {
            var k = t.MetricIndex(name);
            var series = TimeSeriesChart.Series(t, k, t.All);
            var title = Titles.OverTime(t, k, series);
            var caption = Captions.For(scenario, t, version, t.Metrics[k]);
            var stem = Path.Combine(folder, name.Replace('_', '-'));
            TimeSeriesChart.Render(t, k, series, title, caption, ChartSize.Slide, stem);
            written.Add(stem);
        }
        return written;
    }
}

/// <summary>Titles that state the finding, from the same numbers as summary.json (the horizon means).</summary>
public static class Titles
{
    public static string OverTime(ResultTable t, int metric, IReadOnlyList<ArmSeries> series)
    {
        var def = t.Metrics[metric];
        var horizon = t.Spec.MonthAt(t.Months - 1).ToString();
        var label = def.Label;
        if (series.Count == 1)
        {
            var s = series[0];
            return $"{label}: {Display.Value(def, s.Mean[0])} in {t.Spec.Start} to {Display.Value(def, s.Mean[^1])} by {horizon}";
        }
        var best = def.LowerIsBetter ? series.MinBy(s => s.Mean[^1])! : series.MaxBy(s => s.Mean[^1])!;
        var worst = def.LowerIsBetter ? series.MaxBy(s => s.Mean[^1])! : series.MinBy(s => s.Mean[^1])!;
        return $"{label} by {horizon}: {Display.Value(def, best.Mean[^1])} with '{best.Arm}', {Display.Value(def, worst.Mean[^1])} with '{worst.Arm}'";
    }
}

/// <summary>Captions: the scenario, horizon, replications, seed, version and the honest caveat.</summary>
public static class Captions
{
    public static string For(Scenario scenario, ResultTable t, string version, Model.Metrics.MetricDefinition metric)
    {
        var spec = t.Spec;
        var places = string.Join("; ", spec.Places.Select(p => p.Label));
        var bands = spec.Replications > 1 ? "Lines: mean of replications; bands: 90% confidence interval of the mean. " : "One replication: no interval. ";
        return $"Simulated scenario, not a forecast. '{scenario.Title}' ({scenario.Name}), {spec.Start} to {spec.MonthAt(spec.Months - 1)}, "
             + $"{spec.Replications} replication{(spec.Replications == 1 ? "" : "s")}, seed {spec.Seed}, {spec.TotalHouseholds:N0} simulated households in: {places}. "
             + bands + $"{metric.Label}: {metric.Description} "
             + $"Assumptions and sources: docs/MODEL.md and parameters/. PlaceSimulation {version}.";
    }
}
