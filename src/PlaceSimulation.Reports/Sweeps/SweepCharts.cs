using System.Globalization;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Reports.Charts;
using PlaceSimulation.Scenarios;
using PlaceSimulation.Sensitivity;
using ScottPlot;

namespace PlaceSimulation.Reports.Sweeps;

/// <summary>
/// A sweep's charts, for the scenario's first arm and each measured metric: the tornado (each
/// parameter from its low to its high value, the rest at the scenario's values), the fan of
/// paths across the design's points, and the design's indices: Morris mu* against sigma, or
/// Sobol first- and total-order indices with 90% bootstrap intervals.
/// </summary>
public static class SweepCharts
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static IReadOnlyList<ChartDraft> Drafts(SweepResults results, IReadOnlyList<MetricSensitivity> analysis, string version)
    {
        var drafts = new List<ChartDraft>();
        foreach (var s in analysis.Where(a => a.Arm == 0))
        {
            var metric = results.Metrics[s.Metric];
            drafts.Add(Tornado(results, s, metric, version));
            drafts.Add(Fan(results, s.Metric, metric, version));
            if (s.Sobol is { } sobol) drafts.Add(Sobol(results, sobol, metric, version));
            if (s.Morris is { } morris) drafts.Add(Morris(results, morris, metric, version));
        }
        return drafts;
    }

    private static string Slug(string metric) => metric.Replace('_', '-');

    private static string Caption(SweepResults r, string about, string version)
    {
        var plan = r.Plan;
        var spec = plan.Scenario.Spec;
        var at = plan.Block.At == SweepAt.Horizon ? $"at the horizon ({spec.MonthAt(spec.Months - 1)})" : "as the mean of the last 12 months";
        return $"Simulated scenario, not a forecast. Sweep of '{plan.Scenario.Title}' ({plan.Scenario.Name}), arm '{plan.Scenario.ArmLabel(spec.Arms[0].Name)}': "
             + $"{plan.Block.Design.ToString().ToLowerInvariant()} design, {plan.DesignPoints.Count()} points over {plan.Ranges.Count} parameters, "
             + $"{spec.Replications} replication{(spec.Replications == 1 ? "" : "s")} each (common random numbers), seed {spec.Seed}, {spec.TotalHouseholds:N0} households; measured {at}. "
             + about.Trim() + $" Ranges and sources: sweep.json, parameters/. PlaceSimulation {version}.";
    }

    private static string Short(string path) => path.Contains('.') ? path[(path.IndexOf('.') + 1)..] : path;

    private static string Number(double v) => Math.Abs(v) >= 100 ? v.ToString("#,0", C) : v.ToString("0.###", C);

    private static ChartDraft Tornado(SweepResults r, MetricSensitivity s, MetricDefinition metric, string version)
    {
        var bars = s.Tornado;
        var top = bars.FirstOrDefault();
        var title = top is null || !double.IsFinite(top.Swing)
            ? $"{metric.Label}: no parameter's range could be measured"
            : top.Swing == 0
                ? $"{metric.Label} does not move with any varied parameter"
                : $"{metric.Label} moves most with {Short(top.Parameter)}: {Display.Value(metric, top.AtLow)} to {Display.Value(metric, top.AtHigh)} across its range";
        var data = new ChartData("parameter", "low", "high", "at_low", "at_base", "at_high");
        foreach (var b in bars) data.Add(b.Parameter, Formats(b.Low), Formats(b.High), Formats(b.AtLow), Formats(b.AtBase), Formats(b.AtHigh));
        var story = top is null ? "" :
            $"Each bar moves one parameter from the low to the high end of its range with every other parameter at the scenario's own value; the line is the scenario as it is ({Display.Value(metric, top.AtBase)}). "
            + $"The longest bar is {top.Parameter}: from {Number(top.Low)} to {Number(top.High)} it takes {metric.Label.ToLowerInvariant()} from {Display.Value(metric, top.AtLow)} to {Display.Value(metric, top.AtHigh)}. "
            + "One parameter at a time misses what parameters do together; the design's indices below account for that.";
        Plot Draw(ChartSize size)
        {
            var scale = Display.PlotScale(metric);
            var plot = ChartStyle.NewPlot(size, title, Display.AxisLabel(metric), "");
            var n = bars.Count;
            var lowBars = new List<Bar>();
            var highBars = new List<Bar>();
            for (var i = 0; i < n; i++)
            {
                var b = bars[i];
                var pos = n - 1 - i;
                var @base = b.AtBase * scale;
                if (double.IsFinite(b.AtLow)) lowBars.Add(new Bar { Position = pos + 0.18, ValueBase = @base, Value = b.AtLow * scale, Size = 0.34, FillColor = ChartStyle.Palette[0], LineWidth = 0, Orientation = Orientation.Horizontal });
                if (double.IsFinite(b.AtHigh)) highBars.Add(new Bar { Position = pos - 0.18, ValueBase = @base, Value = b.AtHigh * scale, Size = 0.34, FillColor = ChartStyle.Palette[1], LineWidth = 0, Orientation = Orientation.Horizontal });
            }
            var lows = plot.Add.Bars(lowBars);
            lows.LegendText = "parameter at the low end of its range";
            var highs = plot.Add.Bars(highBars);
            highs.LegendText = "parameter at the high end of its range";
            if (top is not null && double.IsFinite(top.AtBase))
                plot.Add.VerticalLine(top.AtBase * scale, 2, Color.FromHex("#333333"), LinePattern.Dashed).LegendText = "the scenario as it is";
            plot.Axes.Left.SetTicks(Enumerable.Range(0, n).Select(i => (double)(n - 1 - i)).ToArray(),
                bars.Select(b => $"{Short(b.Parameter)}\n{Number(b.Low)} to {Number(b.High)}").ToArray());
            plot.Axes.Left.TickLabelStyle.FontSize = size.Width >= 1600 ? 15 : 13;
            plot.Axes.Left.MajorTickStyle.Length = 0;
            ChartStyle.Legend(plot, size);
            return plot;
        }
        return new ChartDraft($"tornado-{Slug(metric.Name)}", title, Caption(r, "Bars: the metric with one parameter at an end of its range, the others at the scenario's values (mean of replications).", version), Draw, data, story);
    }

    private static ChartDraft Fan(SweepResults r, int k, MetricDefinition metric, string version)
    {
        var plan = r.Plan;
        var spec = plan.Scenario.Spec;
        var design = plan.DesignPoints.ToArray();
        var months = r.Months;
        double[] Band(double p) => Enumerable.Range(0, months).Select(m =>
        {
            var values = design.Select(x => r.Path(x.Number, k, m)).Where(double.IsFinite).ToArray();
            return values.Length == 0 ? double.NaN : Percentiles.Of(values, p);
        }).ToArray();
        var (p5, p25, p50, p75, p95) = (Band(0.05), Band(0.25), Band(0.5), Band(0.75), Band(0.95));
        var last = months - 1;
        var title = double.IsFinite(p5[last])
            ? $"Across the sweep, {metric.Label.ToLowerInvariant()} ends between {Display.Value(metric, p5[last])} and {Display.Value(metric, p95[last])} (90% of points)"
            : $"{metric.Label} across the sweep";
        var data = new ChartData("month", "p05", "p25", "median", "p75", "p95");
        for (var m = 0; m < months; m++) data.Add(spec.MonthAt(m).ToString(), Formats(p5[m]), Formats(p25[m]), Formats(p50[m]), Formats(p75[m]), Formats(p95[m]));
        var story = $"The path of {metric.Label.ToLowerInvariant()} month by month at each of the design's {design.Length} points (mean of replications): the dark band holds the middle half of the points, the light band 90% of them, the line is the median. "
            + "The spread is what the varied parameters' ranges leave uncertain, on top of the random variation between replications.";
        Plot Draw(ChartSize size)
        {
            var scale = Display.PlotScale(metric);
            var plot = ChartStyle.NewPlot(size, title, "", Display.AxisLabel(metric));
            var xs = Enumerable.Range(0, months).Select(m => (double)m).ToArray();
            double[] S(double[] v) => v.Select(x => x * scale).ToArray();
            var colour = ChartStyle.Palette[2];
            var outer = plot.Add.FillY(xs, S(p5), S(p95));
            outer.FillColor = colour.WithAlpha(0.2);
            outer.LineWidth = 0;
            outer.LegendText = "90% of the sweep's points";
            var inner = plot.Add.FillY(xs, S(p25), S(p75));
            inner.FillColor = colour.WithAlpha(0.45);
            inner.LineWidth = 0;
            inner.LegendText = "middle half";
            var line = plot.Add.Scatter(xs, S(p50));
            line.Color = colour;
            line.LineWidth = 3;
            line.MarkerSize = 0;
            line.LegendText = "median";
            ChartStyle.MonthTicks(plot, spec.Start, months, size);
            ChartStyle.Legend(plot, size);
            return plot;
        }
        return new ChartDraft($"fan-{Slug(metric.Name)}", title, Caption(r, "Bands: percentiles across the design's points of the mean of replications.", version), Draw, data, story);
    }

    private static ChartDraft Sobol(SweepResults r, IReadOnlyList<SobolIndex> indices, MetricDefinition metric, string version)
    {
        var sorted = indices.OrderByDescending(i => i.Total).ToArray();
        var top = sorted[0];
        // With few base samples (and replications' noise) the estimates scatter widely: say so rather than rank.
        var settled = sorted.All(i => double.IsFinite(i.TotalLo) && i.TotalHi - i.TotalLo <= 0.4);
        var title = settled
            ? $"{Short(top.Name)} accounts for {Percent(top.Total)} of the variance in {metric.Label.ToLowerInvariant()}, with what it does together with others"
            : $"{r.Plan.Block.Samples} base samples are too few to rank what drives {metric.Label.ToLowerInvariant()}: the intervals are wide; run more samples";
        var data = new ChartData("parameter", "first_order", "first_lo", "first_hi", "total_order", "total_lo", "total_hi");
        foreach (var i in sorted) data.Add(i.Name, Formats(i.First), Formats(i.FirstLo), Formats(i.FirstHi), Formats(i.Total), Formats(i.TotalLo), Formats(i.TotalHi));
        var story = $"Sobol indices: the first-order index is the share of the variance of {metric.Label.ToLowerInvariant()} across the sweep that one parameter explains on its own; "
            + "the total-order index adds what it does in combination with the others. A total near zero means the parameter can be fixed anywhere in its range. "
            + $"Whiskers: 90% bootstrap intervals over the {r.Plan.Block.Samples} base samples; wide ones mean more samples are needed.";
        // Indices are shares of variance: drawn within 0 to 1 (an estimate outside is sampling noise; the CSV keeps it as estimated).
        static double[] Clamp(IEnumerable<double> v) => v.Select(x => double.IsFinite(x) ? Math.Clamp(x, 0, 1) : x).ToArray();
        Plot Draw(ChartSize size) => GroupedBars.Draw(size, title, "share of the variance", sorted.Select(i => Short(i.Name)).ToArray(),
            [
                new Charts.BarSeries("first order (alone)", ChartStyle.Palette[0], Clamp(sorted.Select(i => i.First)), Clamp(sorted.Select(i => i.FirstLo)), Clamp(sorted.Select(i => i.FirstHi))),
                new Charts.BarSeries("total order (with interactions)", ChartStyle.Palette[1], Clamp(sorted.Select(i => i.Total)), Clamp(sorted.Select(i => i.TotalLo)), Clamp(sorted.Select(i => i.TotalHi))),
            ], v => v.ToString("0.00", C), clipAt: 1);
        return new ChartDraft($"sobol-{Slug(metric.Name)}", title, Caption(r, "Bars: Sobol indices (Saltelli first order, Jansen total order), drawn within 0 to 1 (estimates outside are sampling noise; sensitivity.csv keeps them); whiskers: 90% bootstrap intervals.", version), Draw, data, story);
    }

    private static ChartDraft Morris(SweepResults r, IReadOnlyList<MorrisIndex> indices, MetricDefinition metric, string version)
    {
        var ranges = r.Plan.Ranges.ToDictionary(x => x.Name);
        // Effects across each parameter's whole range, so parameters in different units compare.
        double Across(MorrisIndex i, double v) => ranges[i.Name].Levels is null ? v * (ranges[i.Name].High - ranges[i.Name].Low) : v;
        var scale = Display.PlotScale(metric);
        var rows = indices.Select(i => (i.Name, MuStar: Across(i, i.MuStar), Lo: Across(i, i.MuStarLo), Hi: Across(i, i.MuStarHi), Sigma: Across(i, i.Sigma)))
            .OrderByDescending(x => x.MuStar).ToArray();
        var top = rows[0];
        var title = $"{Short(top.Name)} has the largest effect on {metric.Label.ToLowerInvariant()}: {Display.Difference(metric, top.MuStar)} on average across its range";
        var data = new ChartData("parameter", "mu_star", "mu_star_lo", "mu_star_hi", "sigma");
        foreach (var x in rows) data.Add(x.Name, Formats(x.MuStar), Formats(x.Lo), Formats(x.Hi), Formats(x.Sigma));
        var story = $"Morris elementary effects over {r.Plan.Block.Samples} trajectories: mu* (across) is the mean absolute change in {metric.Label.ToLowerInvariant()} when a parameter moves across its range; "
            + "sigma (up) is how much that effect varies with the other parameters: high sigma means non-linear or interacting. Parameters near the origin matter little. Whiskers: 90% bootstrap intervals of mu*.";
        Plot Draw(ChartSize size)
        {
            var unitLabel = Display.AxisLabel(metric);
            var plot = ChartStyle.NewPlot(size, title, $"mu*: mean absolute effect across the range, {unitLabel}", "sigma: spread of the effect");
            var labelSize = size.Width >= 1600 ? 15f : 13f;
            for (var i = 0; i < rows.Length; i++)
            {
                var x = rows[i];
                var colour = ChartStyle.Palette[i % ChartStyle.Palette.Length];
                if (double.IsFinite(x.Lo) && double.IsFinite(x.Hi)) ChartStyle.Whisker(plot, x.Sigma * scale, x.MuStar * scale, x.Lo * scale, x.Hi * scale, vertical: false);
                plot.Add.Marker(x.MuStar * scale, x.Sigma * scale, MarkerShape.FilledCircle, 14, colour);
                var t = plot.Add.Text(Short(x.Name), x.MuStar * scale, x.Sigma * scale);
                t.LabelFontSize = labelSize;
                t.LabelFontColor = Color.FromHex("#333333");
                t.OffsetX = 10;
                t.OffsetY = -24;
            }
            var maxX = rows.Select(x => (double.IsFinite(x.Hi) ? x.Hi : x.MuStar) * scale).DefaultIfEmpty(1).Max();
            var maxY = rows.Select(x => x.Sigma * scale).DefaultIfEmpty(1).Max();
            plot.Axes.SetLimits(0, Math.Max(maxX, 1e-9) * 1.3, 0, Math.Max(maxY, 1e-9) * 1.25);
            return plot;
        }
        return new ChartDraft($"morris-{Slug(metric.Name)}", title, Caption(r, "Dots: Morris mu* and sigma per parameter, across each parameter's range; whiskers: 90% bootstrap intervals of mu*.", version), Draw, data, story);
    }

    private static string Formats(double v) => Files.Formats.Number(v);

    private static string Percent(double v) => (v * 100).ToString("0", C) + "%";
}
