using System.Text;
using PlaceSimulation.Reports.Charts;
using PlaceSimulation.Reports.Compare;
using PlaceSimulation.Reports.Findings;

namespace PlaceSimulation.Reports.Report;

/// <summary>report.md of a comparison: the scenarios, the charts with a paragraph each, what it assumes, how to reproduce.</summary>
public static class CompareReport
{
    public static void Write(string path, ScenarioComparison c, IReadOnlyList<WrittenChart> charts, string version)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Comparing {c.Runs.Count} scenarios: {string.Join(", ", c.Runs.Select(r => r.Name))}");
        md.AppendLine();
        md.AppendLine($"> **Simulated scenarios, not forecasts.** PlaceSimulation {version}. Each scenario was run in full; its own data, charts and report are in its folder.");
        md.AppendLine();
        md.AppendLine("## The scenarios");
        md.AppendLine();
        md.AppendLine("| scenario | question | arms (the reference arm first) | run |");
        md.AppendLine("|---|---|---|---|");
        foreach (var r in c.Runs)
        {
            var s = r.Table.Spec;
            md.AppendLine($"| [{r.Name}]({r.Name}/report.md) | {Cell(r.Scenario.Question)} | {string.Join(", ", s.Arms.Select(a => a.Name).OrderBy(a => a == r.Scenario.Reference ? 0 : 1).Select(a => r.Scenario.ArmLabel(a) + (a == r.Scenario.Reference ? " (reference)" : "")))} | "
                + $"{s.Start} to {s.MonthAt(s.Months - 1)}, {ChartStories.Replications(r.Table)}, seed {s.Seed}, {s.TotalHouseholds:N0} households in {Cell(string.Join("; ", s.Places.Select(p => p.Label)))} |");
        }
        md.AppendLine();
        ChartSection.Append(md, charts);
        md.AppendLine("## What this assumes, and what it cannot tell you");
        md.AppendLine();
        md.AppendLine("- These are simulations. The numbers follow from the model's rules and parameters (`docs/MODEL.md`, `parameters/`); they are not forecasts or measurements of real places.");
        md.AppendLine("- Within a scenario, arms share households and random draws, so differences between arms are caused by their policies. Between scenarios there is no such pairing: places, households, seeds and lengths may differ.");
        md.AppendLine("- The 90% intervals show the simulation's own randomness over replications, not uncertainty in the rules or parameters.");
        md.AppendLine();
        md.AppendLine("## Data");
        md.AppendLine();
        md.AppendLine("`compare.csv` holds every metric for every arm of every scenario, month by month (all places together), with each arm's difference from its scenario's reference arm"
            + (c.Runs.Any(r => r.Offset is not null) ? "; `compare_offset.csv` the offset measures of the scenarios with an offset design" : "")
            + ". Each scenario's folder has its own `timeseries.csv`, `summary.json` and `manifest.json`.");
        md.AppendLine();
        md.AppendLine("To reproduce: the command that made this folder is in `manifest.json` (`command`), and each scenario's `report.md` gives the command that reruns it alone with the same seed.");
        File.WriteAllText(path, md.ToString(), new UTF8Encoding(false));
    }

    private static string Cell(string s) => s.Replace("|", "\\|").Replace("\n", " ").Trim();
}
