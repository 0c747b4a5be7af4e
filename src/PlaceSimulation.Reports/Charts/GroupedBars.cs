using ScottPlot;

namespace PlaceSimulation.Reports.Charts;

/// <summary>One coloured series of a grouped bar chart: a value per category, with its 90% interval (NaN when none).</summary>
public sealed record BarSeries(string Label, Color Colour, double[] Values, double[] Lo, double[] Hi);

/// <summary>
/// Horizontal grouped bars: categories down the side (the first at the top), one bar per
/// series in each, whiskers for intervals. Values beyond <c>clipAt</c> are drawn to the edge
/// and labelled with their value; a category a series has no value for gets its reason as text.
/// </summary>
public static class GroupedBars
{
    public static Plot Draw(ChartSize size, string title, string valueAxisLabel, IReadOnlyList<string> categories, IReadOnlyList<BarSeries> series,
        Func<double, string> valueText, Func<int, int, string>? missingText = null, double? clipAt = null, double? reference = null)
    {
        var plot = ChartStyle.NewPlot(size, title, valueAxisLabel, "");
        var n = categories.Count;
        var m = series.Count;
        var width = 0.8 / m;
        var finite = series.SelectMany(s => s.Values.Concat(s.Hi)).Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        var max = Math.Max(finite.Max(), reference ?? 0);
        if (clipAt is { } c && max > c) max = c;
        if (max <= 0) max = 1;
        // Labels no taller than a bar, so the labels of neighbouring bars never overlap.
        var barPixels = size.Height * 0.55 / (n * (m + 0.5));
        var labelSize = (float)Math.Clamp(barPixels * 0.9, 9, size.Width >= 1600 ? 15 : 14);
        var notes = new List<Action>(); // drawn after the bars, so they sit on top

        for (var j = 0; j < m; j++)
        {
            var s = series[j];
            var bars = new List<Bar>();
            for (var i = 0; i < n; i++)
            {
                var pos = Position(i, j, n, m, width);
                var v = s.Values[i];
                if (!double.IsFinite(v))
                {
                    var text = missingText?.Invoke(i, j) ?? "n/a";
                    var at = pos;
                    notes.Add(() => Note(plot, max * 0.01, at, text, labelSize, Color.FromHex("#333333")));
                    continue;
                }
                var clipped = v > max;
                bars.Add(new Bar { Position = pos, Value = clipped ? max : v, ValueBase = 0, Size = width * 0.92, FillColor = s.Colour, LineWidth = 0, Orientation = Orientation.Horizontal });
                if (clipped)
                {
                    var text = valueText(v) + " ›";
                    var at = pos;
                    notes.Add(() => Note(plot, max, at, text, labelSize, Colors.White, Alignment.MiddleRight));
                }
                else if (double.IsFinite(s.Lo[i]) && double.IsFinite(s.Hi[i]))
                    ChartStyle.Whisker(plot, pos, v, Math.Max(0, s.Lo[i]), Math.Min(max, s.Hi[i]), vertical: false);
                if (v < max * 0.004)
                {
                    // Too short to see: say the value, so a zero never looks like a missing bar;
                    // to the right of its whisker, so the two never overlap.
                    var text = valueText(v);
                    var at = pos;
                    var x = Math.Max(max * 0.01, double.IsFinite(s.Hi[i]) ? Math.Min(max, s.Hi[i]) : v);
                    notes.Add(() => Note(plot, x, at, text, labelSize, Color.FromHex("#333333")));
                }
            }
            var bp = plot.Add.Bars(bars);
            bp.Horizontal = true;
            bp.Color = s.Colour;
            // Legend items are made by hand, so a series with no bar (all missing) is still named.
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = s.Label, FillColor = s.Colour, OutlineWidth = 0 });
        }
        foreach (var note in notes) note();
        if (reference is { } r)
        {
            var line = plot.Add.VerticalLine(r, 2.5f, Color.FromHex("#444444"), LinePattern.Solid);
            line.LegendText = "";
        }
        plot.Axes.Left.SetTicks(Enumerable.Range(0, n).Select(i => (double)(n - 1 - i)).ToArray(), categories.ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = size.Width >= 1600 ? 18 : 16;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        plot.Axes.SetLimits(0, max * 1.04, -0.55, n - 0.45);
        ChartStyle.Legend(plot, size);
        return plot;
    }

    /// <summary>Series j's bar in category i: categories top to bottom, series top to bottom within each.</summary>
    private static double Position(int i, int j, int n, int m, double width) => (n - 1 - i) + ((m - 1) / 2.0 - j) * width;

    private static void Note(Plot plot, double x, double y, string text, float size, Color colour, Alignment alignment = Alignment.MiddleLeft)
    {
        var t = plot.Add.Text(text, x, y);
        t.LabelFontSize = size;
        t.LabelFontColor = colour == Colors.White ? Colors.White : Color.FromHex("#333333");
        t.LabelBold = colour == Colors.White;
        t.LabelAlignment = alignment;
        t.OffsetX = alignment == Alignment.MiddleRight ? -4 : 4;
    }
}
