using System.Globalization;
using System.Text;
using PlaceSimulation.Reports.Charts;
using PlaceSimulation.Reports.Report;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Reports.Sweeps;

/// <summary>A sweep's report.md: what was varied and how, which parameters matter most and how sure we can be, the charts, and how to reproduce it.</summary>
public static class SweepReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Write(string path, SweepResults r, IReadOnlyList<MetricSensitivity> analysis, IReadOnlyList<WrittenChart> charts, string version)
    {
        var plan = r.Plan;
        var scenario = plan.Scenario;
        var spec = scenario.Spec;
        var block = plan.Block;
        var md = new StringBuilder();
        md.AppendLine($"# Sweep: {scenario.Title}");
        md.AppendLine();
        md.AppendLine($"*{scenario.Question}*");
        md.AppendLine();
        md.AppendLine($"A simulated sweep, not a forecast: a {Design(block.Design)} over {block.Vary.Count} parameters, "
            + $"{plan.DesignPoints.Count()} design points and {plan.Points.Count - plan.DesignPoints.Count()} one-at-a-time points for the tornado, "
            + $"each run for every arm ({string.Join(", ", spec.Arms.Select(a => a.Name))}) and {spec.Replications} replication{(spec.Replications == 1 ? "" : "s")} "
            + $"on the same households and random draws (common random numbers): {(long)plan.Points.Count * spec.Arms.Count * spec.Replications:N0} runs. "
            + $"Metrics are measured {(block.At == SweepAt.Horizon ? $"at the horizon ({spec.MonthAt(spec.Months - 1)})" : "as the mean of the last 12 months")}.");
        md.AppendLine();
        md.AppendLine("## What was varied");
        md.AppendLine();
        md.AppendLine("| parameter | unit | from | to | where the range comes from |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var p in block.Vary)
            md.AppendLine($"| `{p.Path}` | {p.Unit} | {(p.Levels is null ? Num(p.Low) : string.Join(", ", p.Levels.Select(Num)))} | {(p.Levels is null ? Num(p.High) : "(levels)")} | "
                + $"{(p.FromDeclaredRange ? "its declared plausible range" : "the scenario file")}; value's provenance: {p.Provenance.Replace("|", "/")} |");
        md.AppendLine();
        md.AppendLine("## Which parameters matter most");
        md.AppendLine();
        foreach (var s in analysis.Where(a => a.Arm == 0))
        {
            var metric = r.Metrics[s.Metric];
            md.Append($"- **{metric.Label}** ({plan.Scenario.ArmLabel(spec.Arms[0].Name)}): ");
            if (s.Sobol is { } sobol)
            {
                var top = sobol.OrderByDescending(x => x.Total).Take(3);
                md.Append("by total-order Sobol index, " + string.Join("; ", top.Select(x =>
                    $"`{x.Name}` {x.Total.ToString("0.00", C)} (90% interval {x.TotalLo.ToString("0.00", C)} to {x.TotalHi.ToString("0.00", C)}; alone {x.First.ToString("0.00", C)})")));
                var negligible = sobol.Where(x => x.TotalHi < 0.05).Select(x => $"`{x.Name}`").ToArray();
                if (negligible.Length > 0) md.Append($". Negligible (total-order interval below 0.05): {string.Join(", ", negligible)}");
            }
            else if (s.Morris is { } morris)
            {
                var ranges = plan.Ranges.ToDictionary(x => x.Name);
                double Across(string name, double v) => ranges[name].Levels is null ? v * (ranges[name].High - ranges[name].Low) : v;
                md.Append("by Morris mu* across each range, " + string.Join("; ", morris.OrderByDescending(x => Across(x.Name, x.MuStar)).Take(3).Select(x =>
                    $"`{x.Name}` {Display.Difference(metric, Across(x.Name, x.MuStar))} (90% interval {Display.Difference(metric, Across(x.Name, x.MuStarLo))} to {Display.Difference(metric, Across(x.Name, x.MuStarHi))}; sigma {Display.Difference(metric, Across(x.Name, x.Sigma))})")));
            }
            else
            {
                md.Append("one at a time, " + string.Join("; ", s.Tornado.Take(3).Select(b =>
                    $"`{b.Parameter}` {Display.Value(metric, b.AtLow)} to {Display.Value(metric, b.AtHigh)} across its range")));
            }
            md.AppendLine(".");
        }
        md.AppendLine();
        md.AppendLine("## How sure we can be");
        md.AppendLine();
        md.AppendLine(block.Design switch
        {
            SweepDesign.Sobol => $"Sobol indices come from {block.Samples} base samples (N × (D + 2) = {plan.DesignPoints.Count():N0} points); their 90% intervals are bootstrap intervals over the base samples. Where intervals are wide or overlap, the ranking is not settled: run more samples (`--samples`).",
            SweepDesign.Morris => $"Morris effects come from {block.Samples} trajectories of D + 1 points; the 90% intervals of mu* are bootstrap intervals over trajectories. Morris ranks parameters; it does not apportion variance (use a Sobol design for that).",
            _ => $"A {Design(block.Design)} shows the spread of outcomes over the ranges (the fan) and, with the tornado, each parameter's reach alone; it estimates no indices (use a Morris or Sobol design for those).",
        });
        md.AppendLine();
        md.AppendLine($"Each point's value is the mean of {spec.Replications} replication{(spec.Replications == 1 ? "" : "s")}; random variation between replications is in `sweep.csv`. The ranges are stated assumptions or the scenario's choice (the table above): the results say how much the conclusions depend on them, not which values are right.");
        md.AppendLine();
        ChartSection.Append(md, charts);
        md.AppendLine("## Files");
        md.AppendLine();
        md.AppendLine("`sweep.csv` and `sweep.parquet` (one row per design point, arm, replication and metric), `sensitivity.csv` (the tornado's outcomes and the indices, with intervals), `sweep.json` (the design and the ranges), `manifest.json`.");
        md.AppendLine();
        md.AppendLine("## Reproduce");
        md.AppendLine();
        md.AppendLine($"`placesim sweep {scenario.Path} --seed {spec.Seed} --replications {spec.Replications} --samples {block.Samples}` with PlaceSimulation {version}.");
        File.WriteAllText(path, md.ToString());
    }

    private static string Design(SweepDesign d) => d switch
    {
        SweepDesign.Grid => "full-factorial grid",
        SweepDesign.Lhs => "Latin hypercube",
        SweepDesign.Morris => "Morris elementary-effects design",
        SweepDesign.Sobol => "Sobol (Saltelli) design",
        _ => d.ToString(),
    };

    private static string Num(double v) => v.ToString("0.####", C);
}
