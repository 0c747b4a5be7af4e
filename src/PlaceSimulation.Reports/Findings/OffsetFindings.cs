using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Reports.Offset;

namespace PlaceSimulation.Reports.Findings;

/// <summary>
/// The offset analysis in plain English, from the same estimates as summary.json. Every
/// sign and every undefined case has its own honest sentence: the model may show a small,
/// zero or negative local gain, and then the words must say so rather than divide.
/// </summary>
public static class OffsetFindings
{
    /// <summary>The headline: how much of the local gain the national forces cancel (the bridge chart's title).</summary>
    public static string Headline(MetricDefinition m, OffsetPoint p)
    {
        var noun = Words.Noun(m);
        var share = p.Share;
        if (share.Status == EstimateStatus.Undefined)
        {
            if (share.Reason == OffsetShare.MetricUndefined) return $"No offset can be measured for {noun}: it is undefined in this run";
            return p.LocalGain.Mean == 0
                ? $"The local change did not change {noun}, so no offset can be measured"
                : $"The local change did not {Words.Improve(m)} {noun}, so no offset can be measured";
        }
        if (share.Status == EstimateStatus.Unstable)
            return $"The local change's effect on {noun} is too small to tell from chance, so no offset can be measured";
        var pct = Words.Percent(share.Mean);
        var rounded = Math.Round(share.Mean * 100, MidpointRounding.AwayFromZero);
        if (rounded < 0) return $"National forces do not cancel the local gain in {noun}: it is larger alongside them (offset share {pct})";
        if (rounded == 0) return $"National forces cancel none of the local gain in {noun}";
        if (rounded < 100) return $"National forces cancel {pct} of the local gain in {noun}";
        if (rounded == 100) return $"National forces cancel all of the local gain in {noun}";
        return $"National forces more than cancel the local gain in {noun} (offset share {pct}): with both, {noun} ends {Words.Amount(m, p.Net.Mean)} {Worse(m)} than with neither";
    }

    /// <summary>The over-time chart's title for an offset run: where each arm ends.</summary>
    public static string OverTime(MetricDefinition m, OffsetPoint p, string horizon)
    {
        var noun = Words.Capitalised(Words.Noun(m));
        var local = p.LocalGain.Mean > 0 ? $"the local change alone {Words.Improve(m)}s it to" : p.LocalGain.Mean < 0 ? $"the local change alone takes it to" : "the local change alone leaves it at";
        var turn = p.LocalGain.Mean > 0 && p.Net.Mean < 0 ? "but " : "";
        return $"{noun} by {horizon}: {local} {Words.Value(m, p.Local.Mean)}, {turn}with national forces too it ends at {Words.Value(m, p.Both.Mean)} ({Words.Value(m, p.Neither.Mean)} with neither)";
    }

    /// <summary>One paragraph of numbers with intervals: the decomposition in words, for report.md.</summary>
    public static string Decomposition(MetricDefinition m, OffsetPoint p, string horizon)
    {
        var noun = Words.Noun(m);
        string Diff(Estimate e) => $"{Words.Amount(m, e.Mean)} {Words.IntervalOfDifference(m, e.Lo, e.Hi)}".TrimEnd();
        var s = new List<string>
        {
            $"By {horizon}, with neither change, {Words.Level(m, p.Neither.Mean)}.",
            p.LocalGain.Mean >= 0
                ? $"The local change on its own {Words.Improve(m)}s {noun} by {Diff(p.LocalGain)} (the local gain)."
                : $"The local change on its own makes {noun} worse by {Diff(Negate(p.LocalGain))} (a negative local gain).",
            p.NationalLoss.Mean >= 0
                ? $"The national forces on their own make it worse by {Diff(p.NationalLoss)} (the national loss)."
                : $"The national forces on their own make it better by {Diff(Negate(p.NationalLoss))} (a negative national loss).",
            p.Interaction.Mean <= 0
                ? $"While the national forces act, the local change achieves {Diff(Negate(p.Interaction))} less than it does alone (the interaction)."
                : $"While the national forces act, the local change achieves {Diff(p.Interaction)} more than it does alone (the interaction).",
            p.Net.Mean >= 0
                ? $"Doing both leaves {noun} {Diff(p.Net)} {Better(m)} than doing neither (the net), at {Words.Value(m, p.Both.Mean)}."
                : $"Doing both leaves {noun} {Diff(Negate(p.Net))} {Worse(m)} than doing neither (the net), at {Words.Value(m, p.Both.Mean)}.",
            ShareSentence(m, p),
        };
        return string.Join(" ", s);
    }

    /// <summary>The offset share with its interval, or why there is none.</summary>
    public static string ShareSentence(MetricDefinition m, OffsetPoint p)
    {
        var e = p.Share;
        if (!e.IsDefined) return $"No offset share is given: {e.Reason}.";
        var interval = e.HasInterval ? $" (90% interval {Words.Percent(e.Lo)} to {Words.Percent(e.Hi)})" : $" ({e.Reason})";
        return $"The offset share, the part of the local gain the national forces cancel, is {Words.Percent(e.Mean)}{interval}.";
    }

    /// <summary>The offset share in a short label for the bridge chart.</summary>
    public static string ShareLabel(OffsetPoint p)
    {
        var e = p.Share;
        if (!e.IsDefined) return e.Status == EstimateStatus.Unstable ? "Offset share: not measured (the local gain is not clearly above zero)" : "Offset share: not measured (no local gain to cancel)";
        return e.HasInterval ? $"Offset share: {Words.Percent(e.Mean)} (90% interval {Words.Percent(e.Lo)} to {Words.Percent(e.Hi)})" : $"Offset share: {Words.Percent(e.Mean)} (one replication: no interval)";
    }

    private static Estimate Negate(Estimate e) => e with { Mean = -e.Mean, Lo = -e.Hi, Hi = -e.Lo };

    public static string Worse(MetricDefinition m) => m.LowerIsBetter ? "higher" : "lower";
    public static string Better(MetricDefinition m) => m.LowerIsBetter ? "lower" : "higher";
}
