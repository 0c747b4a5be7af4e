using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Reports.Files;
using PlaceSimulation.Reports.Findings;
using PlaceSimulation.Reports.Offset;
using PlaceSimulation.Reports.Tables;
using ScottPlot;

namespace PlaceSimulation.Reports.Charts;

/// <summary>
/// The offset month by month for one metric: the local effect on its own, the local effect
/// while the national forces act (local effect + interaction) and the net change against
/// neither, each with its paired 90% interval. Each is a change in the metric (positive =
/// higher, the one sign convention of docs/OFFSET.md): for poverty, below the zero line is
/// better than doing nothing.
/// </summary>
public static class EffectsOverTimeChart
{
    /// <summary>The chart's file name before the metric: effects-over-time-poverty-rate-ahc.</summary>
    public const string Stem = "effects-over-time-";

    private sealed record Line(string Name, string Label, Color Colour, Interval[] Values);

    public static ChartDraft Draft(OffsetAnalysis a, string metric, string caption, IReadOnlyList<LeverMark>? levers = null)
    {
        var t = a.Table;
        var def = a.Definition(metric);
        var points = Enumerable.Range(0, t.Months).Select(m => a.Point(metric, t.All, m)).ToArray();
        Interval Of(OffsetPoint p, Func<Decomposition, double> f) => Interval.Of(p.Replications.Select(f).ToArray());
        var lines = new[]
        {
            new Line("local_effect", "Local effect: the local change alone", ChartStyle.ArmColour(1), points.Select(p => Of(p, d => d.LocalEffect)).ToArray()),
            new Line("local_effect_under_national_forces", "Local effect while national forces act", ChartStyle.Palette[4], points.Select(p => Of(p, d => d.LocalEffect + d.Interaction)).ToArray()),
            new Line("net", "Net: both against neither", ChartStyle.ArmColour(3), points.Select(p => Of(p, d => d.Net)).ToArray()),
        };
        var title = Title(def, a, points);
        var data = new ChartData("metric", "month", "measure", "mean", "lo90", "hi90");
        foreach (var line in lines)
            for (var m = 0; m < t.Months; m++)
                data.Add(metric, t.Spec.MonthAt(m).ToString(), line.Name, Formats.Number(line.Values[m].Mean), Formats.Number(line.Values[m].Lo), Formats.Number(line.Values[m].Hi));
        var story = $"**What it shows.** Month by month, how much the local change moves {Words.Noun(def)} on its own (orange), how much it moves {Words.It(Words.Noun(def))} while the national forces act (purple), "
                  + $"and where doing both leaves {Words.Noun(def)} against doing neither (vermillion); each line is a change in {Words.Noun(def)} (positive = higher), so {(def.LowerIsBetter ? "below" : "above")} zero is better than doing nothing. {title}. "
                  + "**What it assumes.** The same households and random draws in every arm, so each line is a paired difference; "
                  + (t.Replications > 1 ? $"bands are 90% intervals over {ChartStories.Replications(t)}." : "one replication: no bands.");
        return new ChartDraft(Stem + RunCharts.Stem(metric), title, caption, size => Draw(t, def, lines, title, size, levers ?? []), data, story);
    }

    private static Plot Draw(ResultTable t, MetricDefinition def, Line[] lines, string title, ChartSize size, IReadOnlyList<LeverMark> levers)
    {
        var k = Display.PlotScale(def);
        var unit = Display.IsShare(def) ? "points" : def.Unit;
        var plot = ChartStyle.NewPlot(size, title, "Month", $"Change against neither ({unit}; {(def.LowerIsBetter ? "below" : "above")} 0: better)");
        var xs = Enumerable.Range(0, t.Months).Select(m => (double)m).ToArray();
        var zero = plot.Add.HorizontalLine(0, 2, Color.FromHex("#444444"), LinePattern.Solid);
        zero.LegendText = "";
        foreach (var line in lines)
        {
            if (t.Replications > 1)
            {
                var band = plot.Add.FillY(xs, line.Values.Select(v => (v.HasInterval ? v.Lo : v.Mean) * k).ToArray(), line.Values.Select(v => (v.HasInterval ? v.Hi : v.Mean) * k).ToArray());
                band.FillColor = line.Colour.WithAlpha(0.2);
                band.LineWidth = 0;
            }
            var scatter = plot.Add.Scatter(xs, line.Values.Select(v => v.Mean * k).ToArray());
            scatter.Color = line.Colour;
            scatter.LineWidth = 3;
            scatter.MarkerSize = 0;
            scatter.LegendText = line.Label;
        }
        // Room below the lines for the lever labels.
        var values = lines.SelectMany(l => l.Values.SelectMany(v => new[] { v.Mean, v.Lo, v.Hi })).Where(double.IsFinite).Select(v => v * k).Append(0).ToArray();
        var (low, high) = (values.Min(), values.Max());
        var span = Math.Max(high - low, 1e-9);
        var bottom = low - span * (levers.Count > 0 ? 0.18 : 0.04);
        plot.Axes.SetLimitsY(bottom, high + span * 0.04);
        ChartStyle.LeverMarks(plot, levers, size, t.Months, bottom);
        ChartStyle.MonthTicks(plot, t.Spec.Start, t.Months, size);
        ChartStyle.Legend(plot, size);
        return plot;
    }

    /// <summary>The finding: when doing both becomes worse than doing nothing, if it does, and what the local change still achieves.</summary>
    public static string Title(MetricDefinition def, OffsetAnalysis a, IReadOnlyList<OffsetPoint> points)
    {
        var last = points[^1];
        var noun = Words.Noun(def);
        // Oriented so that positive helps, for the words only.
        var gain = OffsetFindings.Helped(def, last.LocalEffect.Mean);
        var net = OffsetFindings.Helped(def, last.Net.Mean);
        if (!(gain > 0))
            return $"The local change does not {Words.Improve(def)} {noun} by {Words.Month(a.Table.Spec.MonthAt(a.Horizon))}; doing both ends {Words.Amount(def, net)} {OffsetFindings.Direction(last.Net.Mean)} than doing neither";
        if (net < 0)
        {
            var from = points.Count - 1;
            while (from > 0 && OffsetFindings.Helped(def, points[from - 1].Net.Mean) < 0) from--;
            return $"From {Words.Month(a.Table.Spec.MonthAt(from))}, doing both leaves {noun} {OffsetFindings.Direction(last.Net.Mean)} than doing nothing, though the local change alone still {Words.Improve(def)}s it by {Words.Amount(def, gain)}";
        }
        return $"The local change keeps {Words.Improve(def)}ing {noun}: by {Words.Month(a.Table.Spec.MonthAt(a.Horizon))}, {Words.Amount(def, gain)} alone and {Words.Amount(def, net)} net of national forces";
    }
}
