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
        if (share.Reason == OffsetShare.OneReplication)
            return $"With one replication no offset can be measured for {noun}: run more replications";
        if (share.Status == EstimateStatus.Unstable)
            return $"The local change's effect on {noun} is too small to tell from chance, so no offset can be measured";
        var pct = Words.Percent(share.Mean);
        var rounded = Math.Round(share.Mean * 100, MidpointRounding.AwayFromZero);
        if (rounded < 0) return $"National forces do not cancel the local gain in {noun}: it is larger alongside them (offset share {pct})";
        if (rounded == 0) return $"National forces cancel none of the local gain in {noun}";
        if (rounded < 100) return $"National forces cancel {pct} of the local gain in {noun}";
        if (rounded == 100) return $"National forces cancel all of the local gain in {noun}";
        return $"National forces more than cancel the local gain in {noun} (offset share {pct}): with both, {noun} {Words.End(noun)} {Words.Amount(m, p.Net.Mean)} {Worse(m)} than with neither";
    }

    /// <summary>The over-time chart's title for an offset run: where each arm ends.</summary>
    public static string OverTime(MetricDefinition m, OffsetPoint p, string horizon)
    {
        var noun = Words.Capitalised(Words.Noun(m));
        var it = Words.It(Words.Noun(m));
        var local = p.LocalGain.Mean > 0 ? $"the local change alone {Words.Improve(m)}s {it} to" : p.LocalGain.Mean < 0 ? $"the local change alone takes {it} to" : $"the local change alone leaves {it} at";
        var turn = p.LocalGain.Mean > 0 && p.Net.Mean < 0 ? "but " : "";
        return $"{noun} by {horizon}: {local} {Words.Value(m, p.Local.Mean)}, {turn}with national forces too {(it == "them" ? "they end" : "it ends")} at {Words.Value(m, p.Both.Mean)} ({Words.Value(m, p.Neither.Mean)} with neither)";
    }

    /// <summary>One paragraph of numbers with intervals: the decomposition in words, for report.md.</summary>
    public static string Decomposition(MetricDefinition m, OffsetPoint p, string horizon)
    {
        var noun = Words.Noun(m);
        // The chance clause ends the sentence, so it never lands inside one ("... too small to tell from chance less than on its own").
        string Diff(Estimate e, bool positive) => $"{Words.Amount(m, positive ? e.Mean : -e.Mean)}{Interval(e, positive)}";
        string Interval(Estimate e, bool positive) => e.HasInterval
            ? $" (90% interval {Words.Bound(m, positive ? e.Lo : -e.Hi, e)} to {Words.Bound(m, positive ? e.Hi : -e.Lo, e)})"
            : "";
        string End(Estimate e) => e.HasInterval && e.Lo <= 0 && e.Hi >= 0 ? "; this is too small to tell from chance." : ".";
        var s = new List<string>
        {
            $"By {horizon}, with neither change, {Words.Level(m, p.Neither.Mean)}.",
            p.LocalGain.Mean >= 0
                ? $"Local gain: on its own, the local change {Words.Improve(m)}s {noun} by {Diff(p.LocalGain, true)}{End(p.LocalGain)}"
                : $"Local gain: on its own, the local change makes {noun} worse by {Diff(p.LocalGain, false)}{End(p.LocalGain)}",
            p.NationalLoss.Mean >= 0
                ? $"National loss: on their own, the national forces make {Words.It(noun)} worse by {Diff(p.NationalLoss, true)}{End(p.NationalLoss)}"
                : $"National loss: on their own, the national forces make {Words.It(noun)} better by {Diff(p.NationalLoss, false)}{End(p.NationalLoss)}",
            p.Interaction.Mean <= 0
                ? $"Interaction: while the national forces act, the local change achieves less than on its own, by {Diff(p.Interaction, false)}{End(p.Interaction)}"
                : $"Interaction: while the national forces act, the local change achieves more than on its own, by {Diff(p.Interaction, true)}{End(p.Interaction)}",
            p.Net.Mean >= 0
                ? $"Net: doing both leaves {noun} at {Words.Value(m, p.Both.Mean)}, {Better(m)} than doing neither by {Diff(p.Net, true)}{End(p.Net)}"
                : $"Net: doing both leaves {noun} at {Words.Value(m, p.Both.Mean)}, {Worse(m)} than doing neither by {Diff(p.Net, false)}{End(p.Net)}",
            ShareSentence(m, p),
        };
        return string.Join(" ", s);
    }

    /// <summary>Two sentences for the top of report.md: what each change does alone, and where both leave the place.</summary>
    public static string Short(MetricDefinition m, OffsetPoint p)
    {
        var noun = Words.Noun(m);
        var local = p.LocalGain.Mean > 0 ? $"{Words.Improve(m)}s {noun} by {Words.Amount(m, p.LocalGain.Mean)}"
            : p.LocalGain.Mean < 0 ? $"makes {noun} worse by {Words.Amount(m, p.LocalGain.Mean)}" : $"leaves {noun} unchanged";
        var it = Words.It(noun);
        var national = p.NationalLoss.Mean > 0 ? $"make {it} worse by {Words.Amount(m, p.NationalLoss.Mean)}"
            : p.NationalLoss.Mean < 0 ? $"make {it} better by {Words.Amount(m, p.NationalLoss.Mean)}" : $"leave {it} unchanged";
        var net = p.Net.Mean > 0 ? $"{Words.Amount(m, p.Net.Mean)} {Better(m)} than with neither"
            : p.Net.Mean < 0 ? $"{Words.Amount(m, p.Net.Mean)} {Worse(m)} than with neither" : "where it is with neither";
        return $"On its own the local change {local}; on their own the national forces {national}. With both, {noun} {Words.End(noun)} at {Words.Value(m, p.Both.Mean)}, {net}.";
    }

    /// <summary>The offset share with its interval, or why there is none.</summary>
    public static string ShareSentence(MetricDefinition m, OffsetPoint p)
    {
        var e = p.Share;
        if (!e.IsDefined) return $"No offset share is given: {e.Reason}.";
        var interval = e.HasInterval ? $" (90% interval {Words.Percent(e.Lo)} to {Words.Percent(e.Hi)})" : "";
        return $"The offset share, the part of the local gain the national forces cancel, is {Words.Percent(e.Mean)}{interval}.";
    }

    /// <summary>The offset share in a short label for the bridge chart.</summary>
    public static string ShareLabel(OffsetPoint p)
    {
        var e = p.Share;
        if (e.Reason == OffsetShare.OneReplication) return "Offset share: not measured (one replication: run more)";
        if (!e.IsDefined) return e.Status == EstimateStatus.Unstable ? "Offset share: not measured (the local gain is not clearly above zero)" : "Offset share: not measured (no local gain to cancel)";
        return e.HasInterval ? $"Offset share: {Words.Percent(e.Mean)} (90% interval {Words.Percent(e.Lo)} to {Words.Percent(e.Hi)})" : $"Offset share: {Words.Percent(e.Mean)}";
    }

    public static string Worse(MetricDefinition m) => m.LowerIsBetter ? "higher" : "lower";
    public static string Better(MetricDefinition m) => m.LowerIsBetter ? "lower" : "higher";
}
