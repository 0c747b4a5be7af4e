using PlaceSimulation.Reports.Files;
using PlaceSimulation.Reports.Tables;
using ScottPlot;

namespace PlaceSimulation.Reports.Charts;

/// <summary>One series per arm: the mean over replications each month, with its 90% interval as a band.</summary>
public sealed record ArmSeries(string Arm, int ArmIndex, double[] Mean, double[] Lo, double[] Hi);

/// <summary>
/// A metric over time for several arms, with the plotted numbers beside it as CSV (the data
/// a reader needs to check or redraw the chart).
/// </summary>
public static class TimeSeriesChart
{
    public static IReadOnlyList<ArmSeries> Series(ResultTable t, int metric, int place, IEnumerable<int>? arms = null)
    {
        var list = new List<ArmSeries>();
        foreach (var a in arms ?? Enumerable.Range(0, t.Arms))
        {
            var mean = new double[t.Months];
            var lo = new double[t.Months];
            var hi = new double[t.Months];
            for (var m = 0; m < t.Months; m++)
            {
                var i = Interval.OfMetric(t.AcrossReplications(a, place, m, metric), t.Metrics[metric]);
                mean[m] = i.Mean;
                lo[m] = i.HasInterval ? i.Lo : i.Mean;
                hi[m] = i.HasInterval ? i.Hi : i.Mean;
            }
            list.Add(new ArmSeries(t.Spec.Arms[a].Name, a, mean, lo, hi));
        }
        return list;
    }

    /// <param name="armLabel">the legend text for an arm's name (its plain-English label)</param>
    /// <param name="levers">months when levers change, marked with a line and a short label</param>
    /// <param name="note">a one-line note drawn in the chart (the baseline's drift), or null</param>
    public static ChartDraft Draft(ResultTable t, int metric, IReadOnlyList<ArmSeries> series, string title, string caption, string stem,
        Func<string, string> armLabel, IReadOnlyList<LeverMark>? levers = null, string? note = null)
    {
        var def = t.Metrics[metric];
        return new ChartDraft(stem, title, caption, size => Draw(t, metric, series, title, size, armLabel, levers ?? [], note), Data(t, def.Name, series, armLabel));
    }

    private static Plot Draw(ResultTable t, int metric, IReadOnlyList<ArmSeries> series, string title, ChartSize size, Func<string, string> armLabel,
        IReadOnlyList<LeverMark> levers, string? note)
    {
        var def = t.Metrics[metric];
        var scale = Display.PlotScale(def);
        var xs = Enumerable.Range(0, t.Months).Select(m => (double)m).ToArray();
        var plot = ChartStyle.NewPlot(size, title, "Month", Display.AxisLabel(def));
        foreach (var s in series)
        {
            var colour = ChartStyle.ArmColour(s.ArmIndex);
            if (t.Replications > 1)
            {
                var band = plot.Add.FillY(xs, s.Lo.Select(v => v * scale).ToArray(), s.Hi.Select(v => v * scale).ToArray());
                band.FillColor = colour.WithAlpha(0.18);
                band.LineWidth = 0;
            }
            var line = plot.Add.Scatter(xs, s.Mean.Select(v => v * scale).ToArray());
            line.Color = colour;
            line.LineWidth = 3;
            line.MarkerSize = 0;
            line.LegendText = armLabel(s.Arm);
        }
        // Fixed limits with room below the lines for the lever labels and above them for the note.
        var values = series.SelectMany(x => x.Lo.Concat(x.Hi).Concat(x.Mean)).Where(double.IsFinite).Select(v => v * scale).DefaultIfEmpty(0).ToArray();
        var (low, high) = (values.Min(), values.Max());
        var span = Math.Max(high - low, Math.Max(Math.Abs(high) * 0.02, 1e-9));
        var bottom = low - span * (levers.Count > 0 ? 0.18 : 0.04);
        plot.Axes.SetLimitsY(bottom, high + span * (note is not null ? 0.14 : 0.04));

        ChartStyle.LeverMarks(plot, levers, size, t.Months, bottom);
        if (note is not null)
        {
            var text = plot.Add.Annotation(note, Alignment.UpperLeft);
            text.LabelFontSize = size.Width >= 1600 ? 15 : 14;
            text.LabelFontColor = Color.FromHex("#333333");
            text.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            text.LabelBorderColor = Color.FromHex("#BBBBBB");
            text.LabelShadowColor = Colors.Transparent;
        }
        ChartStyle.MonthTicks(plot, t.Spec.Start, t.Months, size);
        ChartStyle.Legend(plot, size);
        return plot;
    }

    private static ChartData Data(ResultTable t, string metric, IReadOnlyList<ArmSeries> series, Func<string, string> armLabel)
    {
        var data = new ChartData("arm", "arm_label", "month", "metric", "mean", "lo90", "hi90");
        foreach (var s in series)
            for (var m = 0; m < t.Months; m++)
                data.Add(s.Arm, armLabel(s.Arm), t.Spec.MonthAt(m).ToString(), metric,
                    Formats.Number(s.Mean[m]), Formats.Number(t.Replications > 1 ? s.Lo[m] : double.NaN), Formats.Number(t.Replications > 1 ? s.Hi[m] : double.NaN));
        return data;
    }
}
