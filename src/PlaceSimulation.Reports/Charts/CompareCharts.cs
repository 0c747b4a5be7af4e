using System.Globalization;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Reports.Compare;
using PlaceSimulation.Reports.Files;
using PlaceSimulation.Reports.Findings;
using PlaceSimulation.Reports.Offset;

namespace PlaceSimulation.Reports.Charts;

/// <summary>
/// The charts of placesim compare: for each headline metric, every arm of every scenario at
/// its horizon (levels), and every arm's difference from its scenario's reference arm
/// (effects, paired by replication); and, when scenarios have offset designs, their offset
/// shares side by side.
/// </summary>
public static class CompareCharts
{
    public static IReadOnlyList<ChartDraft> Drafts(ScenarioComparison c, string version)
    {
        var drafts = new List<ChartDraft>();
        foreach (var metric in RunCharts.Metrics)
        {
            drafts.Add(Levels(c, metric, version));
            drafts.Add(Effects(c, metric, version));
        }
        if (c.Runs.Any(r => r.Offset is not null)) drafts.Add(OffsetShares(c, version));
        return drafts;
    }

    private static MetricDefinition Def(ScenarioComparison c, string metric) => c.Runs[0].Table.Metrics[c.Runs[0].Table.MetricIndex(metric)];

    public static string When(ScenarioComparison c) =>
        c.SameHorizon ? "by " + Words.Month(c.Runs[0].Table.Spec.MonthAt(c.Runs[0].Table.Months - 1)) : "at each scenario's horizon";

    private static string ArmLabel(ComparedRun run, string arm) => run.Scenario.ArmLabel(arm);

    public static ChartDraft Levels(ScenarioComparison c, string metric, string version)
    {
        var def = Def(c, metric);
        var k = Display.PlotScale(def);
        var values = c.AtHorizon(metric).ToArray();
        var rows = values.Select(v => Row(c, v, v.Level, k, Display.Value(def, v.Level.Mean))).ToArray();
        var finite = values.Where(v => double.IsFinite(v.Level.Mean)).ToArray();
        var title = finite.Length == 0 ? $"{def.Label}: undefined in every scenario" : LevelsTitle(c, def, finite);
        var data = new ChartData("scenario", "arm", "metric", "month", "mean", "lo90", "hi90");
        foreach (var v in values)
            data.Add(v.Scenario, v.Arm, metric, Month(c, v), Formats.Number(v.Level.Mean), Formats.Number(v.Level.Lo), Formats.Number(v.Level.Hi));
        var story = $"**What it shows.** {def.Label} {When(c)} in every arm of every scenario, all places together: the dot is the mean over replications, the whisker its 90% interval. {title}. "
                  + $"**What it assumes.** {def.Description} Scenarios differ in their places, households and seeds, so two scenarios' levels are compared by their own intervals; "
                  + "the differences within a scenario are in the next chart.";
        return new ChartDraft("horizon-" + RunCharts.Stem(metric), title, Caption(c, version, $"Dots: mean over replications; whiskers: 90% confidence intervals. {def.Label}: {def.Description}"),
            size => DotChart.Draw(size, title, Display.AxisLabel(def), rows, c.Runs.Select(r => r.Name).ToArray()), data, story);
    }

    private static string LevelsTitle(ScenarioComparison c, MetricDefinition def, ComparedValue[] finite)
    {
        if (!c.Comparable)
        {
            // Different places or horizons: no ranking across scenarios, only each scenario's reference level.
            var refs = c.Runs.Select(r => finite.FirstOrDefault(v => v.Scenario == r.Name && v.Arm == r.Table.Spec.Arms[r.ReferenceArm].Name))
                .Where(v => v is not null).Select(v => $"{Display.Value(def, v!.Level.Mean)} in {v.Scenario}");
            return $"{def.Label} {When(c)} with each scenario's reference arm: {string.Join(", ", refs)} (different places or horizons: not ranked)";
        }
        var lowest = finite.MinBy(v => v.Level.Mean)!;
        var highest = finite.MaxBy(v => v.Level.Mean)!;
        string Where(ComparedValue v) => $"{ArmFindings.InSentence(ArmLabel(Run(c, v), v.Arm))} in {v.Scenario}";
        return $"{def.Label} {When(c)}: from {Display.Value(def, lowest.Level.Mean)} ({Where(lowest)}) to {Display.Value(def, highest.Level.Mean)} ({Where(highest)})";
    }

    public static ChartDraft Effects(ScenarioComparison c, string metric, string version)
    {
        var def = Def(c, metric);
        var k = Display.PlotScale(def);
        var values = c.AtHorizon(metric).Where(v => v.Arm != v.ReferenceArm).ToArray();
        var rows = values.Select(v => Row(c, v, v.Difference, k, Words.SignedShort(def, v.Difference.Mean) + $" vs {ArmFindings.InSentence(ArmLabel(Run(c, v), v.ReferenceArm))}"
            + (Clear(v.Difference) || !v.Difference.HasInterval ? "" : " (chance?)"))).ToArray();
        var title = EffectsTitle(c, def, values);
        var data = new ChartData("scenario", "arm", "reference_arm", "metric", "month", "difference", "lo90", "hi90");
        foreach (var v in values)
            data.Add(v.Scenario, v.Arm, v.ReferenceArm, metric, Month(c, v), Formats.Number(v.Difference.Mean), Formats.Number(v.Difference.Lo), Formats.Number(v.Difference.Hi));
        var axis = Display.IsShare(def) ? "Difference from the scenario's reference arm (percentage points)" : $"Difference from the scenario's reference arm ({Display.AxisLabel(def).Split('(').Last().TrimEnd(')')})";
        var story = $"**What it shows.** For every arm, how far it moves {Words.Noun(def)} {When(c)} against its own scenario's reference arm (the scenario's `reference:`), all places together; "
                  + "positive means higher than the reference arm; a difference whose interval includes zero is marked '(chance?)' and is too small to tell from chance; "
                  + $"the whisker is the 90% interval of the difference, paired by replication. {title}. "
                  + "**What it assumes.** Within a scenario the arms share households and random draws (common random numbers), so each difference is caused by the arm's policies alone. "
                  + "Differences from different scenarios have different baselines and places: compare their signs and sizes, not their levels.";
        return new ChartDraft("effect-" + RunCharts.Stem(metric), title,
            Caption(c, version, "Dots: mean difference from the scenario's reference arm over replications; whiskers: 90% confidence intervals of the paired differences."),
            size => DotChart.Draw(size, title, axis, rows, c.Runs.Select(r => r.Name).ToArray(), reference: 0), data, story);
    }

    private static bool Clear(Tables.Interval i) => i.HasInterval && (i.Lo > 0 || i.Hi < 0);

    private static string EffectsTitle(ScenarioComparison c, MetricDefinition def, ComparedValue[] values)
    {
        var all = values.Where(v => double.IsFinite(v.Difference.Mean)).ToArray();
        if (all.Length == 0) return $"No arm to compare with its reference arm for {Words.Noun(def)}";
        var finite = all.Where(v => Clear(v.Difference)).ToArray();
        if (finite.Length == 0) return $"No arm changes {Words.Noun(def)} by more than chance against its own scenario's reference arm";
        if (!c.Comparable)
        {
            // Different places or horizons: each scenario's largest clear difference, not a ranking across them.
            var per = c.Runs.Select(r => (r, best: finite.Where(v => v.Scenario == r.Name).MaxBy(v => Math.Abs(v.Difference.Mean))))
                .Select(x => x.best is null ? $"nothing beyond chance in {x.r.Name}"
                    : $"{Words.SignedShort(def, x.best.Difference.Mean)} with {ArmFindings.InSentence(ArmLabel(x.r, x.best.Arm))} in {x.r.Name}");
            return $"{Words.Capitalised(Words.Noun(def))} against each scenario's own reference arm: {string.Join("; ", per)}";
        }
        var s = def.LowerIsBetter ? 1 : -1;
        var best = finite.MinBy(v => s * v.Difference.Mean)!;
        var worst = finite.MaxBy(v => s * v.Difference.Mean)!;
        string Where(ComparedValue v) => $"{ArmLabel(Run(c, v), v.Arm).ToLowerInvariant()} ({v.Scenario})";
        var first = s * best.Difference.Mean < 0
            ? $"{Words.Capitalised(Where(best))} {Words.Improve(def)}s {Words.Noun(def)} most, by {Words.Amount(def, best.Difference.Mean)}"
            : $"No arm {Words.Improve(def)}s {Words.Noun(def)}";
        var second = s * worst.Difference.Mean > 0
            ? $"{Where(worst)} makes it worse most, by {Words.Amount(def, worst.Difference.Mean)}"
            : "no arm makes it worse";
        return $"{first}; {second}";
    }

    public static ChartDraft OffsetShares(ScenarioComparison c, string version)
    {
        var runs = c.Runs.Where(r => r.Offset is not null).ToArray();
        var metrics = OffsetAnalysis.Headline;
        var series = metrics.Select((metric, j) => new BarSeries(Words.Capitalised(Words.Noun(Def(c, metric))), MetricColours[j % MetricColours.Length],
            runs.Select(r => Share(r, metric).Mean * 100).ToArray(), runs.Select(r => Share(r, metric).Lo * 100).ToArray(), runs.Select(r => Share(r, metric).Hi * 100).ToArray())).ToArray();
        var poverty = runs.Select(r => (r, s: Share(r, "poverty_rate_ahc"))).ToArray();
        var title = poverty.All(x => !x.s.IsDefined)
            ? "No scenario has a local gain in poverty clear enough to measure an offset"
            : "Share of the local gain in poverty that national forces cancel: " + string.Join(", ", poverty.Select(x => $"{(x.s.IsDefined ? Words.Percent(x.s.Mean) : "not measured")} in {x.r.Name}"));
        var data = new ChartData("scenario", "metric", "offset_share", "lo90", "hi90", "status", "reason");
        foreach (var r in runs)
            foreach (var metric in metrics)
            {
                var s = Share(r, metric);
                data.Add(r.Name, metric, Formats.Number(s.Mean), Formats.Number(s.Lo), Formats.Number(s.Hi), Estimate.StatusName(s.Status), s.Reason ?? "");
            }
        string Missing(int i, int j) => series[j].Label + ": " + (Share(runs[i], metrics[j]) switch
        {
            { Reason: OffsetShare.OneReplication } => "not measured (one replication)",
            { Status: EstimateStatus.Unstable } => "not measured (local gain not clearly above zero)",
            _ => "not measured (no local gain)",
        });
        var story = $"**What it shows.** For each scenario with an offset design, the offset share (1 − net ÷ local gain) {When(c)} for poverty, destitution and child poverty: "
                  + $"100%, the line, means the national forces cancel all of the local gain; above it, the place ends worse off than with neither change. {title}. "
                  + "**What it assumes.** Each scenario's own local change and national forces (their folders' report.md describes them); intervals are bootstraps over replications (docs/OFFSET.md); "
                  + "a share is shown only when the local gain is clearly above zero.";
        return new ChartDraft("offset-share-by-scenario", title, Caption(c, version, "Bars: offset share (ratio of means over replications); whiskers: 90% bootstrap intervals; shares above 400% are drawn to the edge and labelled."),
            size => GroupedBars.Draw(size, title, "Share of the local gain cancelled by national forces (%); line: all of it",
                runs.Select(r => r.Name).ToArray(), series, v => v.ToString("0", CultureInfo.InvariantCulture) + "%", Missing, clipAt: 400, reference: 100),
            data, story);
    }

    /// <summary>Okabe-Ito colours the arms do not use (sky blue, reddish purple, black): these bars are metrics, not arms.</summary>
    private static readonly ScottPlot.Color[] MetricColours = [ChartStyle.Palette[5], ChartStyle.Palette[4], ChartStyle.Palette[7]];

    private static Estimate Share(ComparedRun r, string metric) => r.Offset!.AtHorizon(metric).Share;

    private static ComparedRun Run(ScenarioComparison c, ComparedValue v) => c.Runs.First(r => r.Name == v.Scenario);

    private static string Month(ScenarioComparison c, ComparedValue v) => Run(c, v).Table.Spec.MonthAt(v.Month).ToString();

    private static DotRow Row(ScenarioComparison c, ComparedValue v, Tables.Interval i, double k, string text)
    {
        var run = Run(c, v);
        return new DotRow(ArmLabel(run, v.Arm), c.Runs.ToList().IndexOf(run), i.Mean * k, i.Lo * k, i.Hi * k, text);
    }

    public static string Caption(ScenarioComparison c, string version, string about)
    {
        var runs = string.Join("; ", c.Runs.Select(r =>
        {
            var s = r.Table.Spec;
            return $"{r.Name} ('{r.Scenario.Title}', {s.Start} to {s.MonthAt(s.Months - 1)}, {s.Replications} replication{(s.Replications == 1 ? "" : "s")}, seed {s.Seed}, "
                 + $"{s.TotalHouseholds:N0} households in {string.Join(", ", s.Places.Select(p => p.Label))})";
        }));
        return $"Simulated scenarios, not forecasts. Compared: {runs}. All places together, at each scenario's horizon. {about.Trim()} "
             + $"Assumptions and sources: docs/MODEL.md and parameters/. PlaceSimulation {version}.";
    }
}
