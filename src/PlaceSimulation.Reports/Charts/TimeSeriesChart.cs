using System.Globalization;
using PlaceSimulation.Reports.Files;
using PlaceSimulation.Reports.Tables;
using ScottPlot;

namespace PlaceSimulation.Reports.Charts;

/// <summary>One series per arm: the mean over replications each month, with its 90% interval as a band.</summary>
public sealed record ArmSeries(string Arm, int ArmIndex, double[] Mean, double[] Lo, double[] Hi);

/// <summary>
/// A metric over time for several arms, as PNG and SVG, with the plotted numbers beside it
/// as CSV (the data a reader needs to check or redraw the chart).
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
                var i = Interval.Of(t.AcrossReplications(a, place, m, metric));
                mean[m] = i.Mean;
                lo[m] = i.HasInterval ? i.Lo : i.Mean;
                hi[m] = i.HasInterval ? i.Hi : i.Mean;
            }
            list.Add(new ArmSeries(t.Spec.Arms[a].Name, a, mean, lo, hi));
        }
        return list;
    }

    public static void Render(ResultTable t, int metric, IReadOnlyList<ArmSeries> series, string title, string caption,
        ChartSize size, string pathWithoutExtension)
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
            line.LegendText = s.Arm;
        }
        ChartStyle.MonthTicks(plot, t.Spec.Start, t.Months);
        plot.ShowLegend(Alignment.UpperRight);
        ChartStyle.AddCaption(plot, size, caption);
        ChartStyle.Save(plot, size, pathWithoutExtension);
        WriteData(t, def.Name, series, pathWithoutExtension + ".csv");
    }

    private static void WriteData(ResultTable t, string metric, IReadOnlyList<ArmSeries> series, string path)
    {
        using var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        w.WriteLine("arm,month,metric,mean,lo90,hi90");
        foreach (var s in series)
            for (var m = 0; m < t.Months; m++)
                w.WriteLine(string.Join(',', s.Arm, t.Spec.MonthAt(m).ToString(), metric,
                    Formats.Number(s.Mean[m]), Formats.Number(t.Replications > 1 ? s.Lo[m] : double.NaN), Formats.Number(t.Replications > 1 ? s.Hi[m] : double.NaN)));
    }
}
