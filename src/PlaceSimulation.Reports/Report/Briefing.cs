using System.Globalization;
using System.Text;
using PlaceSimulation.Reports.Charts;
using PlaceSimulation.Reports.Findings;
using PlaceSimulation.Reports.Offset;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Reports.Report;

/// <summary>
/// The one-page summary for a press release or a briefing: the finding, three numbers, one
/// chart, the assumptions and the command that reproduces it. Written as briefing.md and, from
/// the same content, briefing.pdf (BriefingPdf). Every sentence comes from the same findings
/// as the charts and report.md.
/// </summary>
public sealed record Briefing(
    string Title,
    string Subtitle,
    string Finding,
    IReadOnlyList<string> Numbers,
    WrittenChart Chart,
    IReadOnlyList<string> Assumptions,
    string Reproduce)
{
    public static Briefing From(Scenario scenario, ResultTable t, OffsetAnalysis? offset, IReadOnlyList<WrittenChart> charts, string version)
    {
        var spec = t.Spec;
        var horizon = Words.Month(spec.MonthAt(t.Months - 1));
        var subtitle = $"Simulated scenario, not a forecast. PlaceSimulation {version}: {Words.Month(spec.Start)} to {horizon}, "
            + $"{ChartStories.Replications(t)}, {spec.TotalHouseholds.ToString("N0", CultureInfo.InvariantCulture)} simulated households standing for {string.Join("; ", spec.Places.Select(p => p.Label))}.";
        string finding;
        List<string> numbers;
        WrittenChart chart;
        if (offset is not null)
        {
            var metrics = scenario.Headline.Where(offset.MetricNames.Contains).Concat(OffsetAnalysis.Headline).Distinct().Take(3).ToArray();
            var first = metrics[0];
            var alone = OffsetFindings.Short(offset.Definition(first), offset.AtHorizon(first));
            var cut = alone.IndexOf(". With both", StringComparison.Ordinal);
            finding = OffsetFindings.Headline(offset.Definition(first), offset.AtHorizon(first)) + ". " + (cut > 0 ? alone[..(cut + 1)] : alone);
            numbers = metrics.Skip(1).Select(m => OffsetFindings.Headline(offset.Definition(m), offset.AtHorizon(m)) + ".")
                .Append(OffsetFindings.ShareSentence(offset.Definition(first), offset.AtHorizon(first))).ToList();
            chart = charts.FirstOrDefault(c => c.Stem == OffsetCharts.BridgeStem(first)) ?? charts[0];
        }
        else
        {
            var metrics = RunCharts.MetricsFor(scenario).Take(4).ToArray();
            var titles = metrics.Select(m =>
            {
                var def = t.Metrics[t.MetricIndex(m)];
                return (Metric: m, Title: ArmFindings.Title(scenario, t, def, ArmFindings.AtHorizon(scenario, t, m), horizon), Clear: ArmFindings.AtHorizon(scenario, t, m).Any(d => d.Clear));
            }).ToArray();
            var lead = titles.FirstOrDefault(x => x.Clear);
            finding = (lead.Title ?? titles[0].Title) + ".";
            numbers = titles.Where(x => x.Title != (lead.Title ?? titles[0].Title)).Take(3).Select(x => x.Title + ".").ToList();
            var stem = RunCharts.Stem(lead.Metric ?? metrics[0]);
            chart = charts.FirstOrDefault(c => c.Stem == stem) ?? charts[0];
        }
        var assumptions = new List<string>
        {
            "A simulation: the numbers follow from the model's rules and parameters, each with a source or a stated assumption (docs/MODEL.md, docs/SOURCES.md). Not a forecast, not a measurement of real places.",
            t.Replications > 1
                ? $"Intervals are 90% intervals over {t.Replications} replications: the simulation's own randomness, not uncertainty in the rules or parameters, which is larger."
                : "One replication: no intervals. Run more replications before quoting a difference.",
            "The places are stylised presets ('like' a real area), not the real areas; the size of an effect depends on the strength given to each lever in the scenario file.",
        };
        var reproduce = $"dotnet run --project src/PlaceSimulation.Cli -c Release -- run {scenario.Path} --seed {spec.Seed} --replications {spec.Replications} --households {spec.TotalHouseholds} --months {spec.Months}";
        return new Briefing(scenario.Title, subtitle, finding, numbers, chart, assumptions, reproduce);
    }

    public void WriteMarkdown(string path)
    {
        var md = new StringBuilder();
        md.AppendLine($"# {Title}");
        md.AppendLine();
        md.AppendLine($"*{Subtitle}*");
        md.AppendLine();
        md.AppendLine($"**The finding.** {Finding}");
        md.AppendLine();
        md.AppendLine("**Three numbers.**");
        md.AppendLine();
        foreach (var n in Numbers) md.AppendLine($"- {n}");
        md.AppendLine();
        md.AppendLine($"![{ChartSection.Alt(Chart)}]({Chart.Image("slide", "png").File})");
        md.AppendLine();
        md.AppendLine($"*{Chart.Title}.* Alt text: [{Chart.AltTextFile}]({Chart.AltTextFile}); square version for social posts: [{Chart.Image("square", "png").File}]({Chart.Image("square", "png").File}).");
        md.AppendLine();
        md.AppendLine("**What it assumes.**");
        md.AppendLine();
        foreach (var a in Assumptions) md.AppendLine($"- {a}");
        md.AppendLine();
        md.AppendLine("**Reproduce.** The same seed gives the same numbers:");
        md.AppendLine();
        md.AppendLine("```bash");
        md.AppendLine(Reproduce);
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("The full report, with every chart and its data, is `report.md` in this folder.");
        File.WriteAllText(path, md.ToString(), new UTF8Encoding(false));
    }
}
