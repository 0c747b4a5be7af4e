using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Reports.Files;
using PlaceSimulation.Reports.Findings;
using PlaceSimulation.Reports.Offset;
using ScottPlot;

namespace PlaceSimulation.Reports.Charts;

/// <summary>
/// The headline bridge (a waterfall) for one metric at the horizon: from the level with
/// neither change, the local effect, the national effect and their interaction step to the
/// level with both; the last bar is the net change. Every step is a change in the metric
/// (positive = higher: docs/OFFSET.md), so each bar goes the way its label's sign says. Steps are floating bars whose length is the
/// measure, so the axis need not start at zero; whiskers are the measures' 90% intervals.
/// Colours are the arms': neither, local, national, both; the interaction is purple.
/// </summary>
public static class BridgeChart
{
    private sealed record Step(string Name, string Measure, double Start, double End, double EndLo, double EndHi, Color Colour);

    public static ChartDraft Draft(OffsetAnalysis a, string metric, string title, string caption, string stem)
    {
        var def = a.Definition(metric);
        var p = a.AtHorizon(metric);
        var steps = Steps(p);
        return new ChartDraft(stem, title, caption, size => Draw(def, p, steps, title, size), Data(a, metric, steps));
    }

    private static List<Step> Steps(OffsetPoint p)
    {
        // Each measure is a change in the metric (positive = higher), so each step adds it to the level.
        var yB = p.Neither.Mean;
        (double, double) Ends(double start, Estimate e) =>
            e.HasInterval ? (start + e.Lo, start + e.Hi) : (double.NaN, double.NaN);
        var list = new List<Step>();
        var afterLocal = yB + p.LocalEffect.Mean;
        var afterNational = afterLocal + p.NationalEffect.Mean;
        var afterInteraction = afterNational + p.Interaction.Mean;
        var (gLo, gHi) = Ends(yB, p.LocalEffect);
        var (nLo, nHi) = Ends(afterLocal, p.NationalEffect);
        var (iLo, iHi) = Ends(afterNational, p.Interaction);
        var (tLo, tHi) = Ends(yB, p.Net);
        list.Add(new Step("Neither change\n(the baseline)", "neither", yB, yB, double.NaN, double.NaN, ChartStyle.ArmColour(0)));
        list.Add(new Step("Local change\n(local effect)", OffsetMeasure.LocalEffect.Name(), yB, afterLocal, gLo, gHi, ChartStyle.ArmColour(1)));
        list.Add(new Step("National forces\n(national effect)", OffsetMeasure.NationalEffect.Name(), afterLocal, afterNational, nLo, nHi, ChartStyle.ArmColour(2)));
        list.Add(new Step("Acting together\n(interaction)", OffsetMeasure.Interaction.Name(), afterNational, afterInteraction, iLo, iHi, ChartStyle.Palette[4]));
        list.Add(new Step("Both together\n(net change)", OffsetMeasure.Net.Name(), yB, afterInteraction, tLo, tHi, ChartStyle.ArmColour(3)));
        return list;
    }

    private static Plot Draw(MetricDefinition def, OffsetPoint p, List<Step> steps, string title, ChartSize size)
    {
        var k = Display.PlotScale(def);
        var plot = ChartStyle.NewPlot(size, title, OffsetFindings.ShareLabel(p), Display.AxisLabel(def));
        const double half = 0.32;
        var labelSize = size.Width >= 1600 ? 20f : 18f;

        // The level with neither change, as a reference across the chart.
        // Solid, light lines: Skia's SVG backend cannot draw dashes (it prints a warning and draws them solid).
        var reference = plot.Add.HorizontalLine(steps[0].Start * k, 1.5f, Color.FromHex("#B0B0B0"), LinePattern.Solid);
        reference.LegendText = "";

        for (var i = 0; i < steps.Count; i++)
        {
            var st = steps[i];
            if (i == 0)
            {
                var marker = plot.Add.Line(i - half, st.Start * k, i + half, st.Start * k);
                marker.LineWidth = 7;
                marker.Color = st.Colour;
                Label(plot, i, st.Start * k, Words.Value(def, st.Start), up: true, labelSize);
                continue;
            }
            var bar = plot.Add.Bar(new Bar
            {
                Position = i,
                ValueBase = st.Start * k,
                Value = st.End * k,
                Size = 2 * half,
                FillColor = st.Colour,
                LineWidth = 0,
            });
            bar.LegendText = "";
            if (!double.IsNaN(st.EndLo))
            {
                var lo = Math.Min(st.EndLo, st.EndHi) * k;
                var hi = Math.Max(st.EndLo, st.EndHi) * k;
                ChartStyle.Whisker(plot, i, st.End * k, lo, hi, vertical: true);
            }
            var up = st.End >= st.Start;
            var whiskerEnd = double.IsNaN(st.EndLo) ? st.End : up ? Math.Max(st.EndLo, st.EndHi) : Math.Min(st.EndLo, st.EndHi);
            // The step's label is its offset measure, signed as in offset.csv, summary.json, the
            // console and report.md (one convention: see docs/OFFSET.md); the bar shows the level.
            var measure = i switch { 1 => p.LocalEffect, 2 => p.NationalEffect, 3 => p.Interaction, _ => p.Net };
            var name = i switch { 1 => "local effect", 2 => "national effect", 3 => "interaction", _ => "net" };
            // On the square chart the bars are narrow: the measure's name and its value on two lines, so neighbours never touch.
            var text = i < steps.Count - 1 && size.Width < 1600
                ? $"{name}\n{Words.SignedShort(def, measure.Mean)}"
                : $"{name} {Words.SignedShort(def, measure.Mean)}";
            if (i == steps.Count - 1) text = $"{text}\nboth: {Words.Value(def, st.End)}";
            Label(plot, i, Math.Max(whiskerEnd * k, st.End * k) * (up ? 1 : 0) + Math.Min(whiskerEnd * k, st.End * k) * (up ? 0 : 1), text, up, labelSize);
            // Connector from this step's end to the next step's start.
            if (i < steps.Count - 2)
            {
                var c = plot.Add.Line(i + half, st.End * k, i + 1 - half, st.End * k);
                c.Color = Color.FromHex("#777777");
                c.LineWidth = 1.5f;
            }
        }

        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, steps.Count).Select(i => (double)i).ToArray(), steps.Select(st => st.Name).ToArray());
        plot.Axes.Bottom.TickLabelStyle.FontSize = size.Width >= 1600 ? 18 : 16;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;

        var values = steps.SelectMany(st => new[] { st.Start, st.End, st.EndLo, st.EndHi }).Where(v => !double.IsNaN(v)).Select(v => v * k).ToArray();
        var min = values.Min();
        var max = values.Max();
        var span = Math.Max(max - min, Math.Abs(max) * 0.02 + 1e-9);
        plot.Axes.SetLimits(-0.6, steps.Count - 0.4, min - 0.22 * span, max + 0.22 * span);
        plot.HideLegend();
        return plot;
    }

    private static void Label(Plot plot, double x, double y, string text, bool up, float size)
    {
        var t = plot.Add.Text(text, x, y);
        t.LabelFontSize = size;
        t.LabelBold = true;
        t.LabelFontColor = Color.FromHex("#222222");
        t.Alignment = up ? Alignment.LowerCenter : Alignment.UpperCenter;
        t.OffsetY = up ? -6 : 6;
    }

    private static ChartData Data(OffsetAnalysis a, string metric, List<Step> steps)
    {
        var data = new ChartData("metric", "month", "step", "from", "to", "to_lo90", "to_hi90");
        var month = a.Table.Spec.MonthAt(a.Horizon).ToString();
        foreach (var st in steps)
            data.Add(metric, month, st.Measure, Formats.Number(st.Start), Formats.Number(st.End), Formats.Number(Math.Min(st.EndLo, st.EndHi)), Formats.Number(Math.Max(st.EndLo, st.EndHi)));
        return data;
    }
}
