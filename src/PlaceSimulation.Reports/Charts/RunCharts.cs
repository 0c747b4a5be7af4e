using PlaceSimulation.Reports.Findings;
using PlaceSimulation.Reports.Offset;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Reports.Charts;

/// <summary>
/// The charts every run gets: each metric the scenario's question is about (its
/// <c>headline:</c> metrics first), over time for every arm, all places together, with a
/// title that says what happened (a difference from the reference arm only when its
/// interval excludes zero), the months when levers change marked, and a caption with the
/// assumptions. In an offset run the titles say where each arm of the design ends.
/// </summary>
public static class RunCharts
{
    public static readonly string[] Metrics =
        ["poverty_rate_ahc", "child_poverty_rate", "destitution_rate", "unmet_needs", "public_cost_gbp"];

    /// <summary>The scenario's headline metrics, then the standard ones it does not name.</summary>
    public static IReadOnlyList<string> MetricsFor(Scenario scenario) => scenario.Headline.Concat(Metrics).Distinct().ToArray();

    public static IReadOnlyList<ChartDraft> Drafts(Scenario scenario, ResultTable t, string version, OffsetAnalysis? offset = null)
    {
        var drafts = new List<ChartDraft>();
        var horizon = Words.Month(t.Spec.MonthAt(t.Months - 1));
        var levers = LeverMarks.For(scenario, t);
        foreach (var name in MetricsFor(scenario))
        {
            var k = t.MetricIndex(name);
            var def = t.Metrics[k];
            var series = TimeSeriesChart.Series(t, k, t.All);
            var isOffset = offset is not null && offset.MetricNames.Contains(name);
            var diffs = ArmFindings.AtHorizon(scenario, t, name);
            var title = isOffset
                ? OffsetFindings.OverTime(def, offset!.AtHorizon(name), horizon)
                : ArmFindings.Title(scenario, t, def, diffs, horizon);
            var drift = Drift.Note(scenario, t, k);
            var story = isOffset
                ? ChartStories.OverTimeOffset(def, offset!.AtHorizon(name), horizon, t,
                    OffsetCharts.Starts(scenario, offset.Design.LocalPolicy), OffsetCharts.Starts(scenario, offset.Design.NationalPolicy))
                : ChartStories.OverTime(scenario, def, t, diffs);
            if (drift.Length > 0) story += " " + drift;
            var caption = offset is not null
                ? Captions.For(scenario, t, version, Captions.Bands(t)
                    + "The arms share households and random draws, so differences between them are more precise than overlapping bands suggest. "
                    + $"{drift} {def.Label}: {def.Description}")
                : Captions.For(scenario, t, version, Captions.Bands(t) + $"{drift} {def.Label}: {def.Description}");
            drafts.Add(TimeSeriesChart.Draft(t, k, series, title, caption, Stem(name), scenario.ArmLabel, levers, Drift.Short(scenario, t, k))
                with { Story = story, ShortTitle = ShortTitle(scenario, t, def, diffs, horizon, isOffset ? offset!.AtHorizon(name) : null) });
        }
        return drafts;
    }

    /// <summary>The square chart's title: the finding in a few words.</summary>
    private static string ShortTitle(Scenario s, ResultTable t, Model.Metrics.MetricDefinition def, IReadOnlyList<ArmDifference> diffs, string horizon, OffsetPoint? p)
    {
        var noun = Words.Capitalised(Words.Noun(def));
        if (p is not null)
            return $"{noun} by {horizon}: {Words.Value(def, p.Both.Mean)} with both changes, {Words.Value(def, p.Neither.Mean)} with neither";
        var clear = diffs.Where(d => d.Clear).ToArray();
        if (t.Replications == 1 || diffs.Count == 0) return $"{noun} by {horizon}";
        if (clear.Length == 0) return $"{noun} by {horizon}: no difference from {ArmFindings.InSentence(s.ArmLabel(s.Reference))} beyond chance";
        var biggest = clear.MaxBy(d => Math.Abs(d.Difference.Mean))!;
        return $"{noun} by {horizon}: {ArmFindings.Magnitude(def, biggest.Difference.Mean, biggest.Difference)} {(biggest.Difference.Mean > 0 ? "higher" : "lower")} with {ArmFindings.InSentence(biggest.Label)}";
    }

    public static string Stem(string metric) => metric.Replace('_', '-');
}

/// <summary>A month when a lever changes, with a short label for the chart ("Harsher sanctions").</summary>
public sealed record LeverMark(int Month, string Label);

/// <summary>The months when any arm's levers change, from the scenario's policies.</summary>
public static class LeverMarks
{
    public static IReadOnlyList<LeverMark> For(Scenario scenario, ResultTable t)
    {
        var used = t.Spec.Arms.SelectMany(a => a.Policies).ToHashSet(StringComparer.Ordinal);
        return scenario.Policies.Values.Where(p => used.Contains(p.Name))
            .SelectMany(p => p.Changes.Select(c => (c.FromMonth, Name: PolicyLabel(scenario, p.Name))))
            .Where(x => x.FromMonth >= 0 && x.FromMonth < t.Months)
            .GroupBy(x => x.FromMonth)
            .OrderBy(g => g.Key)
            .Select(g => new LeverMark(g.Key, g.Select(x => x.Name).Distinct().Count() == 1 ? g.First().Name : "Levers change"))
            .ToArray();
    }

    /// <summary>A policy's name on a chart: the offset design's words, or the id made readable.</summary>
    public static string PolicyLabel(Scenario s, string policy) =>
        s.Offset is { } d && d.LocalPolicy == policy ? "Local change"
        : s.Offset is { } e && e.NationalPolicy == policy ? "National forces"
        : Scenario.Readable(policy);
}

/// <summary>
/// The baseline's own drift: how far the reference arm's level moves from the first month to
/// the horizon with no change of policy, said on the chart where it shows (docs/MODEL.md,
/// "what the model leaves out").
/// </summary>
public static class Drift
{
    /// <summary>The reference arm's change over the run, or NaN.</summary>
    public static (double Start, double End) Levels(Scenario s, ResultTable t, int metric) =>
        (Interval.Of(t.AcrossReplications(s.ReferenceIndex, t.All, 0, metric)).Mean,
         Interval.Of(t.AcrossReplications(s.ReferenceIndex, t.All, t.Months - 1, metric)).Mean);

    private static bool Shows(Model.Metrics.MetricDefinition def, double start, double end) =>
        double.IsFinite(start) && double.IsFinite(end) && start != 0 && Math.Abs(end - start) / Math.Abs(start) >= 0.05;

    /// <summary>A sentence for the caption and report, or "" when the reference arm is nearly flat.</summary>
    public static string Note(Scenario s, ResultTable t, int metric)
    {
        var def = t.Metrics[metric];
        var (start, end) = Levels(s, t, metric);
        if (!Shows(def, start, end)) return "";
        var reference = ArmFindings.InSentence(s.ArmLabel(s.Reference));
        var verb = end > start ? (Words.Noun(def).EndsWith('s') ? "rise" : "rises") : (Words.Noun(def).EndsWith('s') ? "fall" : "falls");
        return $"Even with {reference}, {Words.Noun(def)} {verb} from {Words.Value(def, start)} to {Words.Value(def, end)}: " + Why(def, end > start)
             + ", so compare arms with each other rather than the start with the end (docs/MODEL.md).";
    }

    /// <summary>The one-line note drawn on the chart itself, or null.</summary>
    public static string? Short(Scenario s, ResultTable t, int metric)
    {
        var def = t.Metrics[metric];
        var (start, end) = Levels(s, t, metric);
        if (!Shows(def, start, end)) return null;
        return $"{s.ArmLabel(s.Reference)} ({Words.Noun(def)} {(end > start ? "rises" : "falls")} with no change too): " + WhyShort(def, end > start);
    }

    /// <summary>Why the baseline moves: for money, cash pounds; for a measure getting worse, the baseline's assumptions (docs/MODEL.md); otherwise, stocks still settling.</summary>
    private static string Why(Model.Metrics.MetricDefinition def, bool rises) =>
        Charts.Display.IsMoney(def) ? "money is in cash (nominal) pounds, so rising prices and earnings raise it"
        : rises == def.LowerIsBetter ? "the model's baseline assumes rents rise faster than earnings and frozen contracts erode the voluntary sector"
        : "the baseline is not flat: the model's stocks (debts, arrears, needs) keep settling with no change of policy";

    private static string WhyShort(Model.Metrics.MetricDefinition def, bool rises) =>
        Charts.Display.IsMoney(def) ? "cash pounds rise with prices"
        : rises == def.LowerIsBetter ? "the baseline assumes rents outpace earnings"
        : "the baseline's stocks keep settling";
}
