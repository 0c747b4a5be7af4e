using System.Globalization;
using System.Text;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Reports.Charts;
using PlaceSimulation.Reports.Files;
using PlaceSimulation.Reports.Offset;
using PlaceSimulation.Reports.Report;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;
using PlaceSimulation.Sensitivity;

namespace PlaceSimulation.Reports.Sweeps;

/// <summary>The offset of one metric at one point of the parameter space (means over replications, at the horizon).</summary>
/// Every measure is a change in the metric: positive = higher (docs/OFFSET.md).
public sealed record OffsetAtPoint(int Point, string Metric, double LocalEffect, double NationalEffect, double Interaction, double Net)
{
    /// <summary>1 − net / local effect when the local change helps (moves the metric in its helpful direction); NaN otherwise (nothing to cancel).</summary>
    public double Share => OffsetMeasures.Helps(LocalEffect, MetricCatalogue.ByName[Metric].LowerIsBetter) ? OffsetShare.Of(LocalEffect, Net) : double.NaN;
}

/// <summary>The offset share of one metric with the scenario's values and its spread over parameter uncertainty.</summary>
public sealed record UncertainShare(string Metric, double AtBase, double Lo, double Median, double Hi, int Defined, int Points);

/// <summary>
/// The headline offset analysis with parameter uncertainty propagated: a Latin hypercube over
/// the declared plausible ranges of the model's assumed and calibrated parameters (not the
/// places' make-up, which the presets take from published figures, and not the levers), each
/// point running the four offset arms on the same households and draws. For each metric: the
/// offset share with the scenario's own values, and the 5th to 95th percentile of the share
/// across the points (the points where the local change still gains something).
/// </summary>
public static class Uncertainty
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The parameters varied: every non-switch parameter with a declared range, outside place.* (the presets' make-up).</summary>
    public static IReadOnlyList<SweepParameter> Parameters(ParameterCatalogue catalogue) =>
        catalogue.Parameters.Values
            .Where(p => p.RangeLow is not null && p.RangeHigh is not null && !p.IsSwitch && !p.Path.StartsWith("place.", StringComparison.Ordinal))
            .OrderBy(p => p.Path, StringComparer.Ordinal)
            .Select(p => new SweepParameter(p.Path, p.RangeLow!.Value, p.RangeHigh!.Value, null, p.Unit, p.Provenance, true))
            .ToArray();

    public static Scenario WithDesign(Scenario scenario, int samples) =>
        scenario with { Sweep = new SweepBlock(SweepDesign.Lhs, samples, OffsetAnalysis.Headline, SweepAt.Horizon, Parameters(ParameterCatalogue.Embedded)) };

    public static (IReadOnlyList<OffsetAtPoint> Points, IReadOnlyList<UncertainShare> Shares) Analyse(SweepPlan plan, Func<int, int, int, long[]> jobCounters)
    {
        var design = plan.Scenario.Offset ?? throw new ArgumentException("the scenario has no offset design");
        var points = new List<OffsetAtPoint>();
        foreach (var point in plan.Points)
        {
            var table = ResultTable.FromJobs(plan.PointSpec(point), (a, r, p) => jobCounters(a, r, plan.PlaceIndex(point, p)));
            var arms = OffsetArms.Find(table.Spec, design)!;
            foreach (var metric in OffsetAnalysis.Headline)
            {
                var k = table.MetricIndex(metric);
                double Mean(int arm) => Enumerable.Range(0, table.Replications).Average(r => table.Value(arm, r, table.All, table.Months - 1, k));
                var d = Decomposition.Of(new ArmValues(Mean(arms.Neither), Mean(arms.Local), Mean(arms.National), Mean(arms.Both)));
                points.Add(new OffsetAtPoint(point.Number, metric, d.LocalEffect, d.NationalEffect, d.Interaction, d.Net));
            }
        }
        var basePoint = plan.Points.Single(p => p.Kind == "base").Number;
        var shares = OffsetAnalysis.Headline.Select(metric =>
        {
            var design0 = points.Where(p => p.Metric == metric && plan.Points[p.Point - 1].Kind == "design").ToArray();
            var defined = design0.Select(p => p.Share).Where(double.IsFinite).ToArray();
            var at = points.Single(p => p.Metric == metric && p.Point == basePoint).Share;
            return defined.Length == 0
                ? new UncertainShare(metric, at, double.NaN, double.NaN, double.NaN, 0, design0.Length)
                : new UncertainShare(metric, at, Percentiles.Of(defined, 0.05), Percentiles.Of(defined, 0.5), Percentiles.Of(defined, 0.95), defined.Length, design0.Length);
        }).ToArray();
        return (points, shares);
    }

    public static string Sentence(UncertainShare s)
    {
        var label = MetricCatalogue.ByName[s.Metric].Label.ToLowerInvariant();
        var at = double.IsFinite(s.AtBase) ? $"National forces cancel {Pct(s.AtBase)} of the local gain in {label}" : $"With the scenario's values the local change does not lower {label}, so no share can be given";
        return double.IsFinite(s.Lo)
            ? $"{at} (90% interval over parameter uncertainty {Pct(s.Lo)} to {Pct(s.Hi)}; the local change gains something at {s.Defined} of {s.Points} points)"
            : $"{at}; at none of the {s.Points} points does the local change gain, so no interval can be given";
    }

    private static string Pct(double v) => (v * 100).ToString("0", C) + "%";

    public static IReadOnlyList<string> Write(string folder, SweepPlan plan, IReadOnlyList<OffsetAtPoint> points, IReadOnlyList<UncertainShare> shares, string version, out IReadOnlyList<WrittenChart> charts)
    {
        using (var csv = new StreamWriter(Path.Combine(folder, "uncertainty.csv"), false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            csv.WriteLine("sample,kind," + string.Join(",", plan.Ranges.Select(r => r.Name)) + ",metric,local_effect,national_effect,interaction,net,offset_share");
            foreach (var p in points)
            {
                var point = plan.Points[p.Point - 1];
                csv.WriteLine(string.Join(",", new[] { p.Point.ToString(C), point.Kind }.Concat(point.Values.Select(Formats.Number))
                    .Concat([p.Metric, Formats.Number(p.LocalEffect), Formats.Number(p.NationalEffect), Formats.Number(p.Interaction), Formats.Number(p.Net), Formats.Number(p.Share)])));
            }
        }
        JsonFiles.Write(Path.Combine(folder, "uncertainty.json"), w =>
        {
            w.WriteStartObject();
            w.WriteString("design", "lhs");
            w.WriteNumber("samples", plan.Block.Samples);
            w.WriteString("about", "offset share at the horizon with the scenario's values (at_base), and its 5th, 50th and 95th percentiles across the points where the local change gains");
            w.WriteString("sign", "uncertainty.csv's local_effect, national_effect, interaction and net: " + OffsetMeasures.Sign);
            w.WriteStartObject("offset_share");
            foreach (var s in shares)
            {
                w.WriteStartObject(s.Metric);
                w.Number("at_base", s.AtBase);
                w.Number("lo", s.Lo);
                w.Number("median", s.Median);
                w.Number("hi", s.Hi);
                w.WriteNumber("points_defined", s.Defined);
                w.WriteNumber("points", s.Points);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteStartArray("parameters");
            foreach (var p in plan.Block.Vary)
            {
                w.WriteStartObject();
                w.WriteString("path", p.Path);
                w.Number("low", p.Low);
                w.Number("high", p.High);
                w.WriteString("unit", p.Unit);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });

        var top = shares[0];
        var title = double.IsFinite(top.AtBase) && double.IsFinite(top.Lo)
            ? $"National forces cancel {Pct(top.AtBase)} of the local gain in {MetricCatalogue.ByName[top.Metric].Label.ToLowerInvariant()}; {Pct(top.Lo)} to {Pct(top.Hi)} over the parameters' plausible ranges"
            : "The offset share over the parameters' plausible ranges";
        var rows = shares.Select(s => new DotRow(MetricCatalogue.ByName[s.Metric].Label, 0, s.AtBase * 100, s.Lo * 100, s.Hi * 100,
            double.IsFinite(s.AtBase) ? Pct(s.AtBase) : "no gain")).ToArray();
        var data = new ChartData("metric", "offset_share_at_base", "lo", "median", "hi", "points_defined", "points");
        foreach (var s in shares) data.Add(s.Metric, Formats.Number(s.AtBase), Formats.Number(s.Lo), Formats.Number(s.Median), Formats.Number(s.Hi), s.Defined.ToString(C), s.Points.ToString(C));
        var spec = plan.Scenario.Spec;
        var caption = $"Simulated scenario, not a forecast. '{plan.Scenario.Title}' ({plan.Scenario.Name}): offset share at the horizon {spec.MonthAt(spec.Months - 1)}. Dots: with the model's own parameter values; "
            + $"whiskers: 5th to 95th percentile over a {plan.Block.Samples}-point Latin hypercube across the plausible ranges of {plan.Ranges.Count} assumed or calibrated parameters "
            + $"(points where the local change gains nothing give no share and are left out), {spec.Replications} replications each, seed {spec.Seed}. 100% = national forces cancel the whole gain. Ranges: parameters/. PlaceSimulation {version}.";
        var draft = new ChartDraft("offset-share-uncertainty", title, caption,
            size => DotChart.Draw(size, title, "offset share (% of the local gain cancelled)", rows, ["offset share"], reference: 100), data,
            "Each dot is the offset share with the model's own parameter values; the whisker is where 90% of the plausible parameter sets put it. A whisker that stays above 100% means the conclusion that national forces more than cancel the local gain holds across the assumptions.");
        charts = ChartPack.Write(Path.Combine(folder, "charts"), "charts", [draft]);

        var md = new StringBuilder();
        md.AppendLine($"# Offset with parameter uncertainty: {plan.Scenario.Title}");
        md.AppendLine();
        md.AppendLine($"*{plan.Scenario.Question}*");
        md.AppendLine();
        foreach (var s in shares) md.AppendLine($"- {Sentence(s)}.");
        md.AppendLine();
        md.AppendLine($"A Latin hypercube of {plan.Block.Samples} points over the declared plausible ranges of {plan.Ranges.Count} assumed or calibrated parameters (listed in `uncertainty.json`; the places' make-up and the levers are not varied), each point running the four offset arms with {spec.Replications} replications on the same households and draws. "
            + "The interval is over parameter uncertainty: the spread of the offset share across plausible parameter sets, not a confidence interval. Each point's share is 1 − net / local effect from the means over replications.");
        md.AppendLine();
        ChartSection.Append(md, charts);
        md.AppendLine("## Files");
        md.AppendLine();
        md.AppendLine("`uncertainty.csv` (each point's parameter values and offset measures), `uncertainty.json` (the summary and the ranges), `manifest.json`.");
        md.AppendLine();
        md.AppendLine($"Reproduce: `placesim uncertainty {plan.Scenario.Path} --samples {plan.Block.Samples} --seed {spec.Seed} --replications {spec.Replications}` with PlaceSimulation {version}.");
        File.WriteAllText(Path.Combine(folder, "report.md"), md.ToString());
        return ["uncertainty.csv", "uncertainty.json", "report.md"];
    }
}
