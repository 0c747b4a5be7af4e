using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Reports.Charts;

/// <summary>Captions: the scenario, horizon, replications, seed, version and the honest caveat, around what the chart shows.</summary>
public static class Captions
{
    public static string For(Scenario scenario, ResultTable t, string version, string about)
    {
        var spec = t.Spec;
        var places = string.Join("; ", spec.Places.Select(p => p.Label));
        return $"Simulated scenario, not a forecast. '{scenario.Title}' ({scenario.Name}), {spec.Start} to the horizon {spec.MonthAt(spec.Months - 1)}, "
             + $"{spec.Replications} replication{(spec.Replications == 1 ? "" : "s")}, seed {spec.Seed}, {spec.TotalHouseholds:N0} simulated households in: {places}. "
             + about.Trim() + " "
             + $"Assumptions and sources: docs/MODEL.md and parameters/. PlaceSimulation {version}.";
    }

    /// <summary>A metric over time: what the lines and bands are, and what the metric means.</summary>
    public static string ForMetric(Scenario scenario, ResultTable t, string version, MetricDefinition metric) =>
        For(scenario, t, version, Bands(t) + $"{metric.Label}: {metric.Description}");

    public static string Bands(ResultTable t) => t.Replications > 1
        ? "Lines: mean of replications; bands: 90% confidence interval of the mean. "
        : "One replication: no interval. ";

    public static string Whiskers(ResultTable t) => t.Replications > 1
        ? $"Bars: mean of {t.Replications} replications; whiskers: 90% confidence intervals. "
        : "One replication: no interval. ";
}
