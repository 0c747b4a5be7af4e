using PlaceSimulation.Reports.Findings;
using PlaceSimulation.Reports.Offset;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Reports.Charts;

/// <summary>
/// The charts every run gets: each headline metric over time for every arm, all places
/// together, with a title that says what happened and a caption with the assumptions. In an
/// offset run the titles say where each arm of the design ends.
/// </summary>
public static class RunCharts
{
    public static readonly string[] Metrics =
        ["poverty_rate_ahc", "child_poverty_rate", "destitution_rate", "unmet_needs", "public_cost_gbp"];

    public static IReadOnlyList<ChartDraft> Drafts(Scenario scenario, ResultTable t, string version, OffsetAnalysis? offset = null)
    {
        var drafts = new List<ChartDraft>();
        var horizon = Words.Month(t.Spec.MonthAt(t.Months - 1));
        foreach (var name in Metrics)
        {
            var k = t.MetricIndex(name);
            var def = t.Metrics[k];
            var series = TimeSeriesChart.Series(t, k, t.All);
            var title = offset is not null && offset.MetricNames.Contains(name)
                ? OffsetFindings.OverTime(def, offset.AtHorizon(name), horizon)
                : Titles.OverTime(t, k, series);
            var caption = Captions.ForMetric(scenario, t, version, def);
            var story = offset is not null && offset.MetricNames.Contains(name)
                ? ChartStories.OverTimeOffset(def, offset.AtHorizon(name), horizon, t,
                    OffsetCharts.Starts(scenario, offset.Design.LocalPolicy), OffsetCharts.Starts(scenario, offset.Design.NationalPolicy))
                : ChartStories.OverTime(def, title, t);
            if (offset is not null) caption = Captions.For(scenario, t, version, Captions.Bands(t)
                + "The arms share households and random draws, so differences between them are more precise than overlapping bands suggest. "
                + $"{def.Label}: {def.Description}");
            drafts.Add(TimeSeriesChart.Draft(t, k, series, title, caption, Stem(name), offset is null ? null : ArmLabels.For) with { Story = story });
        }
        return drafts;
    }

    public static string Stem(string metric) => metric.Replace('_', '-');
}
