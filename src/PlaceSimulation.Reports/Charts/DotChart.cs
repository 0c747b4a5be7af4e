using ScottPlot;

namespace PlaceSimulation.Reports.Charts;

/// <summary>One row of a dot chart: a mean with its 90% interval, in a group (drawn in the group's colour).</summary>
public sealed record DotRow(string Label, int Group, double Mean, double Lo, double Hi, string ValueText);

/// <summary>
/// A dot-and-whisker chart (Cleveland): one row per item, top to bottom, a dot at the mean
/// and a whisker for the interval, groups separated by a gap and told apart by colour. The
/// value axis need not start at zero: the dots' positions, not bar lengths, carry the values.
/// </summary>
public static class DotChart
{
    public static Plot Draw(ChartSize size, string title, string valueAxisLabel, IReadOnlyList<DotRow> rows, IReadOnlyList<string> groups, double? reference = null)
    {
        var plot = ChartStyle.NewPlot(size, title, valueAxisLabel, "");
        var positions = new double[rows.Count];
        var y = 0.0;
        for (var i = rows.Count - 1; i >= 0; i--)
        {
            positions[i] = y;
            y += 1;
            if (i > 0 && rows[i - 1].Group != rows[i].Group) y += 0.6;
        }
        var finite = rows.SelectMany(r => new[] { r.Mean, r.Lo, r.Hi }).Where(double.IsFinite).ToList();
        if (reference is { } r0) finite.Add(r0);
        var min = finite.DefaultIfEmpty(0).Min();
        var max = finite.DefaultIfEmpty(1).Max();
        var span = Math.Max(max - min, Math.Abs(max) * 0.05 + 1e-9);

        if (reference is { } r)
        {
            var line = plot.Add.VerticalLine(r, 2, Color.FromHex("#666666"), LinePattern.Solid);
            line.LegendText = "";
        }
        var labelSize = size.Width >= 1600 ? 15f : 14f;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!double.IsFinite(row.Mean)) continue;
            var colour = ChartStyle.Palette[row.Group % ChartStyle.Palette.Length];
            if (double.IsFinite(row.Lo) && double.IsFinite(row.Hi)) ChartStyle.Whisker(plot, positions[i], row.Mean, row.Lo, row.Hi, vertical: false);
            plot.Add.Marker(row.Mean, positions[i], MarkerShape.FilledCircle, 16, colour);
            var right = double.IsFinite(row.Hi) ? Math.Max(row.Hi, row.Mean) : row.Mean;
            var text = plot.Add.Text(row.ValueText, right, positions[i]);
            text.LabelFontSize = labelSize;
            text.LabelFontColor = Color.FromHex("#333333");
            text.LabelAlignment = Alignment.MiddleLeft;
            text.OffsetX = 8;
        }
        // The legend names the groups by colour.
        for (var g = 0; g < groups.Count; g++)
        {
            var key = plot.Add.Marker(double.NaN, double.NaN, MarkerShape.FilledCircle, 16, ChartStyle.Palette[g % ChartStyle.Palette.Length]);
            key.LegendText = groups[g];
        }
        plot.Axes.Left.SetTicks(positions, rows.Select(r => r.Label).ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = size.Width >= 1600 ? 17 : 15;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.SetLimits(min - 0.08 * span, max + 0.22 * span, -0.7, y - 0.3);
        ChartStyle.Legend(plot, size);
        return plot;
    }
}
