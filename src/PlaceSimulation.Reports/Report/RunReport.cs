using System.Globalization;
using System.Text;
using PlaceSimulation.Reports.Charts;
using PlaceSimulation.Reports.Findings;
using PlaceSimulation.Reports.Offset;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Reports.Report;

/// <summary>
/// report.md: the charts with one paragraph each, the finding, what was simulated and what it
/// assumes, in words a campaigner can send to a journalist. Every number comes from the
/// same estimates as summary.json (OffsetAnalysis, Interval), through the same wording as
/// the chart titles (Findings).
/// </summary>
public static class RunReport
{
    public static void Write(string path, Scenario scenario, ResultTable t, OffsetAnalysis? offset, IReadOnlyList<WrittenChart> charts, string version)
    {
        var md = new StringBuilder();
        var spec = t.Spec;
        var horizon = Words.Month(spec.MonthAt(t.Months - 1));
        md.AppendLine($"# {scenario.Title}");
        md.AppendLine();
        md.AppendLine($"> **Simulated scenario, not a forecast.** PlaceSimulation {version}; scenario `{scenario.Name}` (`{scenario.Path}`); "
            + $"{Words.Month(spec.Start)} to {horizon}; {ChartStories.Replications(t)}; seed {spec.Seed}; "
            + $"{spec.TotalHouseholds.ToString("N0", CultureInfo.InvariantCulture)} simulated households standing for the households of {Places(spec)}.");
        md.AppendLine();
        if (Tables.Interval.SmallPlaceWarning(spec) is { } small)
        {
            md.AppendLine($"> **Warning.** {small}");
            md.AppendLine();
        }
        md.AppendLine($"**The question.** {scenario.Question}");
        md.AppendLine();

        if (offset is not null) Finding(md, offset, horizon);
        else ArmFinding(md, scenario, t, horizon);
        Simulated(md, scenario, t, offset);

        ChartSection.Append(md, charts);

        if (offset is not null) Reading(md);
        Assumptions(md, t);
        Reproduce(md, scenario, t, offset);
        File.WriteAllText(path, md.ToString().Replace("\r\n", "\n"), new UTF8Encoding(false));
    }

    private static string Places(Model.Simulation.RunSpec spec) =>
        string.Join("; ", spec.Places.Select(p => $"{p.Label} ({p.BaseParameters.Place.Households.ToString("N0", CultureInfo.InvariantCulture)} households)"));

    private static void Finding(StringBuilder md, OffsetAnalysis a, string horizon)
    {
        md.AppendLine("## The finding");
        md.AppendLine();
        md.AppendLine($"Where each measure stands in {horizon}, the end of the run. The charts below give every number with its 90% interval.");
        md.AppendLine();
        foreach (var metric in OffsetAnalysis.Headline.Append("unmet_needs"))
        {
            var def = a.Definition(metric);
            var p = a.AtHorizon(metric);
            md.AppendLine($"- **{OffsetFindings.Headline(def, p)}.** {OffsetFindings.Short(def, p)}");
        }
        md.AppendLine();
    }

    /// <summary>The finding of any scenario: its headline metrics, each arm against the reference arm, with intervals and honest words.</summary>
    private static void ArmFinding(StringBuilder md, Scenario scenario, ResultTable t, string horizon)
    {
        md.AppendLine("## The finding");
        md.AppendLine();
        md.AppendLine($"Where the measures this scenario asks about stand in {horizon}, the end of the run, in each arm against {ArmFindings.InSentence(scenario.ArmLabel(scenario.Reference))} (the reference arm). "
            + "Each difference is paired by replication (the arms share households and random draws) and given with its 90% interval; positive means higher than the reference arm. "
            + "A difference whose interval includes zero is too small to tell from chance.");
        md.AppendLine();
        foreach (var metric in scenario.Headline)
        {
            var def = t.Metrics[t.MetricIndex(metric)];
            var diffs = ArmFindings.AtHorizon(scenario, t, metric);
            md.AppendLine($"- **{ArmFindings.Title(scenario, t, def, diffs, horizon)}.** {string.Join(" ", diffs.Select(d => ArmFindings.Sentence(scenario, def, d)))}");
        }
        md.AppendLine();
    }

    private static void Simulated(StringBuilder md, Scenario scenario, ResultTable t, OffsetAnalysis? offset)
    {
        md.AppendLine("## What was simulated");
        md.AppendLine();
        if (offset is not null)
        {
            md.AppendLine($"- **The local change** (`{offset.Design.LocalPolicy}`, from {OffsetCharts.Starts(scenario, offset.Design.LocalPolicy)}): {Describe(scenario, offset.Design.LocalPolicy)}");
            md.AppendLine($"- **The national forces** (`{offset.Design.NationalPolicy}`, from {OffsetCharts.Starts(scenario, offset.Design.NationalPolicy)}): {Describe(scenario, offset.Design.NationalPolicy)}");
            md.AppendLine("- **Four arms**: neither change (the baseline), the local change only, the national forces only, and both together. "
                + "Every arm has the same households and the same random draws (common random numbers), so a difference between arms is caused by the policies, not by chance.");
        }
        else
        {
            foreach (var arm in t.Spec.Arms)
                md.AppendLine($"- **{scenario.ArmLabel(arm.Name)}**{(arm.Name == scenario.Reference ? " (the reference arm)" : "")}: "
                    + (arm.Policies.Count == 0 ? "no policy changes." : string.Join("; ", arm.Policies.Select(p => $"{Describe(scenario, p)} (from {OffsetCharts.Starts(scenario, p)})"))));
            md.AppendLine("- Every arm has the same households and the same random draws (common random numbers), so a difference between arms is caused by the policies, not by chance.");
        }
        md.AppendLine($"- **Places**: {Places(t.Spec)}; each is a stylised place built from a preset ('like' a real area), not the real place.");
        md.AppendLine();
    }

    private static string Describe(Scenario scenario, string policy) =>
        scenario.Policies.TryGetValue(policy, out var p) && p.Description.Trim().Length > 0 ? p.Description.Trim() : "(no description)";

    private static void Reading(StringBuilder md)
    {
        md.AppendLine("## How to read the numbers");
        md.AppendLine();
        md.AppendLine("Every signed number in this report, its charts and its files is a change in the measure, in the measure's own units: **positive = higher, negative = lower**. "
            + "For poverty, destitution and unmet needs lower is better, so a negative local effect means the local change helped. With Y a measure's value at the horizon in each arm:");
        md.AppendLine();
        md.AppendLine("- **local effect** = Y(local only) − Y(neither): what the local change does on its own;");
        md.AppendLine("- **national effect** = Y(national only) − Y(neither): what the national forces do on their own;");
        md.AppendLine("- **interaction** = Y(both) − Y(local only) − Y(national only) + Y(neither): what acting together adds beyond the two on their own (for poverty, positive means the local change achieves less while the national forces act);");
        md.AppendLine("- **net** = Y(both) − Y(neither): where doing both leaves the measure against doing neither;");
        md.AppendLine("- local effect + national effect + interaction = net, exactly;");
        md.AppendLine("- **offset share** = 1 − net ÷ local effect: the part of what the local change achieves that the national forces cancel. 100% means all of it; above 100%, the place ends worse off than if neither had happened. "
            + "It is only given when the local change clearly helped (for poverty, a local effect clearly below zero); otherwise the report says why.");
        md.AppendLine();
        md.AppendLine("Differences in shares are in percentage points. Details and the choice of intervals: `docs/OFFSET.md` in the repository.");
        md.AppendLine();
    }

    private static void Assumptions(StringBuilder md, ResultTable t)
    {
        md.AppendLine("## What this assumes, and what it cannot tell you");
        md.AppendLine();
        md.AppendLine("- This is a simulation. Its numbers follow from the model's rules and parameters, each written down with a source or a stated assumption (`docs/MODEL.md`, `parameters/`). They are not forecasts and not measurements of real places.");
        md.AppendLine(t.Replications > 1
            ? $"- The 90% intervals show how much the results vary across {t.Replications} replications (the simulation's own randomness). They do not include uncertainty in the rules or the parameters, which is larger."
            : "- With one replication there are no intervals: run more replications before quoting a difference.");
        md.AppendLine("- The size of an effect depends on the strength given to each lever in the scenario file; the direction and the relative size of the local effect and the national effect are the robust part.");
        md.AppendLine("- The places are stylised presets, not the real areas they are named after.");
        md.AppendLine();
    }

    private static void Reproduce(StringBuilder md, Scenario scenario, ResultTable t, OffsetAnalysis? offset)
    {
        var spec = t.Spec;
        md.AppendLine("## Reproduce and check");
        md.AppendLine();
        md.AppendLine("```bash");
        md.AppendLine($"dotnet run --project src/PlaceSimulation.Cli -c Release -- run {scenario.Path} --seed {spec.Seed} --replications {spec.Replications} "
            + $"--households {spec.TotalHouseholds} --months {spec.Months}");
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("The same seed gives the same numbers. In this folder: `summary.json` (every metric at the horizon per arm"
            + (offset is not null ? ", and the offset block" : "") + "), `timeseries.csv` (every metric, arm, replication, place and month)"
            + (offset is not null ? ", `offset.csv` (the offset measures month by month, per place) and `offset_replications.csv` (each replication's differences)" : "")
            + ", `manifest.json` (how the run was made).");
    }
}
