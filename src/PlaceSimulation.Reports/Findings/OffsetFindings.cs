using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Reports.Offset;

namespace PlaceSimulation.Reports.Findings;

/// <summary>
/// The offset analysis in plain English, from the same estimates as summary.json. Every
/// sign and every undefined case has its own honest sentence: the model may show a small,
/// zero or unhelpful local effect, and then the words must say so rather than divide.
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
            return p.LocalEffect.Mean == 0
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
        return $"National forces more than cancel the local gain in {noun} (offset share {pct}): with both, {noun} {Words.End(noun)} {Words.Amount(m, p.Net.Mean)} {Direction(p.Net.Mean)} than with neither";
    }

    /// <summary>The over-time chart's title for an offset run: where each arm ends.</summary>
    public static string OverTime(MetricDefinition m, OffsetPoint p, string horizon)
    {
        var noun = Words.Capitalised(Words.Noun(m));
        var it = Words.It(Words.Noun(m));
        var helps = Helped(m, p.LocalEffect.Mean);
        var local = helps > 0 ? $"the local change alone {Words.Improve(m)}s {it} to" : helps < 0 ? $"the local change alone takes {it} to" : $"the local change alone leaves {it} at";
        var turn = helps > 0 && Helped(m, p.Net.Mean) < 0 ? "but " : "";
        return $"{noun} by {horizon}: {local} {Words.Value(m, p.Local.Mean)}, {turn}with national forces too {(it == "them" ? "they end" : "it ends")} at {Words.Value(m, p.Both.Mean)} ({Words.Value(m, p.Neither.Mean)} with neither)";
    }

    /// <summary>
    /// One paragraph of numbers with intervals: the decomposition in words, for report.md. The
    /// words say which way the metric moved; the signed numbers in brackets are the measures as
    /// in offset.csv (positive = higher: docs/OFFSET.md, one sign convention).
    /// </summary>
    public static string Decomposition(MetricDefinition m, OffsetPoint p, string horizon)
    {
        var noun = Words.Noun(m);
        var it = Words.It(noun);
        string Moves(double change, string thing) => change > 0 ? $"raise{thing}" : $"lower{thing}";
        // The chance clause ends the sentence, so it never lands inside one ("... too small to tell from chance less than on its own").
        string End(Estimate e) => e.HasInterval && e.Lo <= 0 && e.Hi >= 0 ? "; this is too small to tell from chance." : ".";
        var local = p.LocalEffect.Mean == 0
            ? $"Local effect: on its own, the local change leaves {noun} unchanged {Signed(m, p.LocalEffect)}{End(p.LocalEffect)}"
            : $"Local effect: on its own, the local change {Moves(p.LocalEffect.Mean, "s")} {noun} by {Words.Amount(m, p.LocalEffect.Mean)} {Signed(m, p.LocalEffect)}{End(p.LocalEffect)}";
        var national = p.NationalEffect.Mean == 0
            ? $"National effect: on their own, the national forces leave {it} unchanged {Signed(m, p.NationalEffect)}{End(p.NationalEffect)}"
            : $"National effect: on their own, the national forces {Moves(p.NationalEffect.Mean, "")} {it} by {Words.Amount(m, p.NationalEffect.Mean)} {Signed(m, p.NationalEffect)}{End(p.NationalEffect)}";
        var interaction = p.Interaction.Mean == 0
            ? $"Interaction: acting together, the two changes do exactly what they do apart {Signed(m, p.Interaction)}{End(p.Interaction)}"
            : $"Interaction: while the national forces act, the local change achieves {(Helped(m, p.Interaction.Mean) > 0 ? "more" : "less")} than on its own; acting together {Moves(p.Interaction.Mean, "s")} {noun} by a further {Words.Amount(m, p.Interaction.Mean)} {Signed(m, p.Interaction)}{End(p.Interaction)}";
        var net = p.Net.Mean == 0
            ? $"Net: doing both leaves {noun} at {Words.Value(m, p.Both.Mean)}, where it is with neither {Signed(m, p.Net)}{End(p.Net)}"
            : $"Net: doing both leaves {noun} at {Words.Value(m, p.Both.Mean)}, {Direction(p.Net.Mean)} than doing neither by {Words.Amount(m, p.Net.Mean)} {Signed(m, p.Net)}{End(p.Net)}";
        return string.Join(" ", $"By {horizon}, with neither change, {Words.Level(m, p.Neither.Mean)}.", local, national, interaction, net, ShareSentence(m, p));
    }

    /// <summary>Two sentences for the top of report.md: what each change does alone, and where both leave the place.</summary>
    public static string Short(MetricDefinition m, OffsetPoint p)
    {
        var noun = Words.Noun(m);
        var it = Words.It(noun);
        var l = p.LocalEffect.Mean;
        var local = l < 0 ? $"lowers {noun} by {Words.Amount(m, l)} ({Words.SignedShort(m, l)})"
            : l > 0 ? $"raises {noun} by {Words.Amount(m, l)} ({Words.SignedShort(m, l)})" : $"leaves {noun} unchanged";
        var n = p.NationalEffect.Mean;
        var national = n < 0 ? $"lower {it} by {Words.Amount(m, n)} ({Words.SignedShort(m, n)})"
            : n > 0 ? $"raise {it} by {Words.Amount(m, n)} ({Words.SignedShort(m, n)})" : $"leave {it} unchanged";
        var d = p.Net.Mean;
        var net = d != 0 ? $"{Words.Amount(m, d)} {Direction(d)} than with neither ({Words.SignedShort(m, d)})" : "where it is with neither";
        return $"On its own the local change {local}; on their own the national forces {national}. With both, {noun} {Words.End(noun)} at {Words.Value(m, p.Both.Mean)}, {net}.";
    }

    /// <summary>A measure as it appears in offset.csv, in brackets: "(−0.8 pts; 90% interval −1.0 to −0.6)".</summary>
    public static string Signed(MetricDefinition m, Estimate e)
    {
        var text = Words.SignedShort(m, e.Mean);
        if (e.HasInterval) text += $"; 90% interval {SignedBound(m, e.Lo, e)} to {SignedBound(m, e.Hi, e)}";
        return $"({text})";
    }

    private static string SignedBound(MetricDefinition m, double v, Estimate e)
    {
        var b = Words.Bound(m, v, e);
        return v > 0 && b.Any(ch => ch is >= '1' and <= '9') ? "+" + b : b;
    }

    /// <summary>A change oriented so that positive helps (the local change's help, in the metric's units).</summary>
    public static double Helped(MetricDefinition m, double change) => OffsetMeasures.Helpful(m.LowerIsBetter) * change;

    /// <summary>"higher" for a positive change, "lower" for a negative one.</summary>
    public static string Direction(double change) => change > 0 ? "higher" : "lower";

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
        if (!e.IsDefined) return e.Status == EstimateStatus.Unstable ? "Offset share: not measured (the local effect is not clearly away from zero)" : "Offset share: not measured (the local change did not help: nothing to cancel)";
        return e.HasInterval ? $"Offset share: {Words.Percent(e.Mean)} (90% interval {Words.Percent(e.Lo)} to {Words.Percent(e.Hi)})" : $"Offset share: {Words.Percent(e.Mean)}";
    }

    public static string Worse(MetricDefinition m) => m.LowerIsBetter ? "higher" : "lower";
    public static string Better(MetricDefinition m) => m.LowerIsBetter ? "lower" : "higher";
}
