using System.Globalization;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Reports.Charts;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Reports.Findings;

/// <summary>
/// One arm's difference from the scenario's reference arm for one metric, paired by
/// replication (the arms share households and random draws), with its 90% interval.
/// Sign convention, everywhere: the difference is arm minus reference, so positive means
/// the measure is higher in the arm.
/// </summary>
public sealed record ArmDifference(int Arm, string Name, string Label, Interval Difference)
{
    /// <summary>Whether the interval excludes zero: only then does a title state a difference.</summary>
    public bool Clear => Difference.HasInterval && (Difference.Lo > 0 || Difference.Hi < 0);
}

/// <summary>
/// Findings for any scenario (not only offset designs): every arm against the reference arm,
/// in words that state a difference only when its interval excludes zero.
/// </summary>
public static class ArmFindings
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Each replication's arm-minus-reference difference at a month (all places together), and its interval.</summary>
    public static Interval Paired(ResultTable t, int arm, int reference, int metric, int month)
    {
        var a = t.AcrossReplications(arm, t.All, month, metric);
        var r = t.AcrossReplications(reference, t.All, month, metric);
        return Interval.Of(a.Select((v, i) => v - r[i]).ToArray());
    }

    /// <summary>Every arm but the reference, at the horizon.</summary>
    public static IReadOnlyList<ArmDifference> AtHorizon(Scenario s, ResultTable t, string metric)
    {
        var k = t.MetricIndex(metric);
        var reference = s.ReferenceIndex;
        return Enumerable.Range(0, t.Arms).Where(a => a != reference)
            .Select(a => new ArmDifference(a, t.Spec.Arms[a].Name, s.ArmLabel(t.Spec.Arms[a].Name), Paired(t, a, reference, k, t.Months - 1)))
            .ToArray();
    }

    /// <summary>An arm's label inside a sentence: "harsher sanctions" (keeps capitals of names such as "UK").</summary>
    public static string InSentence(string label) =>
        label.Length > 1 && char.IsUpper(label[0]) && !char.IsUpper(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;

    /// <summary>The title of a metric's over-time chart, or the report's headline for it: only differences whose interval excludes zero are stated.</summary>
    public static string Title(Scenario s, ResultTable t, MetricDefinition def, IReadOnlyList<ArmDifference> diffs, string horizon)
    {
        var noun = Words.Capitalised(Words.Noun(def));
        var reference = InSentence(s.ArmLabel(s.Reference));
        var refLevel = Interval.Of(t.AcrossReplications(s.ReferenceIndex, t.All, t.Months - 1, t.MetricIndex(def.Name))).Mean;
        if (diffs.Count == 0) return $"{noun} by {horizon}: {Words.Value(def, refLevel)}";
        if (t.Replications == 1) return $"{noun} by {horizon}: one replication, so no difference between arms can be told from chance";
        var clear = diffs.Where(d => d.Clear).ToArray();
        if (clear.Length == 0)
            return $"{noun} by {horizon}: no arm differs from {reference} by more than chance ({Words.Value(def, refLevel)} with {reference})";
        var parts = clear.Select(d => $"{Magnitude(def, d.Difference.Mean, d.Difference)} {(d.Difference.Mean > 0 ? "higher" : "lower")} with {InSentence(d.Label)}");
        var rest = clear.Length < diffs.Count ? "; other differences too small to tell from chance" : "";
        return $"{noun} by {horizon}: {string.Join(", ", parts)} than with {reference} ({Words.Value(def, refLevel)}){rest}";
    }

    /// <summary>One sentence per arm: the difference, its interval with visible signs, and whether it can be told from chance.</summary>
    public static string Sentence(Scenario s, MetricDefinition def, ArmDifference d)
    {
        var noun = Words.Noun(def);
        var verb = noun.EndsWith('s') ? "are" : "is";
        var reference = InSentence(s.ArmLabel(s.Reference));
        var i = d.Difference;
        if (!double.IsFinite(i.Mean)) return $"With {InSentence(d.Label)}, {noun} {verb} undefined in some replication, so no difference is given.";
        var head = i.Mean == 0 ? $"With {InSentence(d.Label)}, {noun} {verb} no different from {reference}"
            : $"With {InSentence(d.Label)}, {noun} {verb} {Magnitude(def, i.Mean, i)} {(i.Mean > 0 ? "higher" : "lower")} than with {reference}";
        if (!i.HasInterval) return head + " (one replication: no interval; run more replications before quoting it).";
        var interval = $" (90% interval {Signed(def, i.Lo, i)} to {Signed(def, i.Hi, i)})";
        return d.Clear ? head + interval + "." : head + interval + ": too small to tell from chance.";
    }

    /// <summary>A size of difference, without sign, in words ("0.17 percentage points", "£0.3m a month", "25 parcels/month"), at the interval's precision.</summary>
    public static string Magnitude(MetricDefinition def, double v, Interval i)
    {
        var (scale, decimals) = Precision(def, i);
        var text = Math.Abs(v * scale).ToString("#,0" + (decimals > 0 ? "." + new string('0', decimals) : ""), C);
        return Display.IsShare(def) ? text + " percentage points" : Display.IsMoney(def) ? $"£{text}m a month" : $"{text} {def.Unit}";
    }

    /// <summary>
    /// The scale (percentage points for shares, £m for money) and the decimals that show the
    /// end of the interval nearest zero with at least one significant digit, so an interval
    /// that crosses zero visibly does ("−0.04 to +0.31").
    /// </summary>
    public static (double Scale, int Decimals) Precision(MetricDefinition def, Interval i)
    {
        var scale = Display.IsShare(def) ? 100 : Display.IsMoney(def) ? 1e-6 : 1;
        var ends = new[] { i.Mean, i.Lo, i.Hi }.Where(x => double.IsFinite(x) && x != 0).Select(x => Math.Abs(x * scale)).DefaultIfEmpty(1).Min();
        var usual = ends >= 10 ? 0 : ends >= 1 ? 1 : Display.IsShare(def) || Display.IsMoney(def) ? 1 : 2;
        return (scale, Words.Decimals(ends, usual));
    }

    /// <summary>A signed difference at the interval's precision: "+0.17 pts", "−£0.3m", "+25".</summary>
    public static string Signed(MetricDefinition def, double v, Interval i)
    {
        if (!double.IsFinite(v)) return "n/a";
        var (scale, decimals) = Precision(def, i);
        var x = v * scale;
        var text = Math.Abs(x).ToString("#,0" + (decimals > 0 ? "." + new string('0', decimals) : ""), C);
        var zero = text.All(ch => ch is '0' or '.' or ',');
        var sign = zero ? "±" : x > 0 ? "+" : "−";
        return Display.IsShare(def) ? $"{sign}{text} pts" : Display.IsMoney(def) ? $"{sign}£{text}m" : $"{sign}{text}";
    }
}
