using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Reports.Offset;
using PlaceSimulation.Reports.Tables;

namespace PlaceSimulation.Reports.Findings;

/// <summary>
/// The paragraph report.md gives each chart: what it shows (with the numbers, from the same
/// estimates as summary.json and the chart's title) and what it assumes.
/// </summary>
public static class ChartStories
{
    public static string Replications(ResultTable t) => t.Replications == 1 ? "one replication" : $"{t.Replications} replications";

    private static string Noise(ResultTable t) => t.Replications > 1
        ? $"The intervals show the simulation's own randomness over {Replications(t)}, not uncertainty in the model's rules or parameters."
        : "With one replication there are no intervals: run more replications (--replications) before quoting a difference.";

    public static string Bridge(MetricDefinition def, OffsetPoint p, string horizon, ResultTable t) =>
        $"**What it shows.** {OffsetFindings.Decomposition(def, p, horizon)} "
        + "The blue mark is the level with neither change; the orange bar is the local effect, the green bar the national effect, the purple bar their interaction, "
        + "and the last bar the net change from neither to both" + (t.Replications > 1 ? "; whiskers are 90% intervals of each step." : ".") + " "
        + "**What it assumes.** The local change and the national forces as described above, acting on the same simulated households with the same random draws in every arm (common random numbers), "
        + $"so each step is caused by the policies alone; and the model's rules and parameters (docs/MODEL.md). {Noise(t)}";

    public static string OverTimeOffset(MetricDefinition def, OffsetPoint p, string horizon, ResultTable t, string localStarts, string nationalStarts) =>
        $"**What it shows.** {def.Label} each month from {Words.Month(t.Spec.Start)} to {horizon} in the four arms. "
        + $"The local change starts in {localStarts}; the national forces from {nationalStarts}. "
        + $"By {horizon}: {Words.Value(def, p.Neither.Mean)} with neither change, {Words.Value(def, p.Local.Mean)} with the local change only, "
        + $"{Words.Value(def, p.National.Mean)} with the national forces only and {Words.Value(def, p.Both.Mean)} with both. "
        + $"**What it assumes.** {def.Description} Lines are means over {Replications(t)}"
        + (t.Replications > 1 ? "; bands are 90% intervals of each arm's level. Because the arms share the same households and random draws, the differences between arms are far more precise than the overlapping bands suggest: the bridge charts show them with their own intervals." : ".");

    public static string OverTime(Scenarios.Scenario scenario, MetricDefinition def, ResultTable t, IReadOnlyList<ArmDifference> diffs)
    {
        var k = t.MetricIndex(def.Name);
        var horizon = Words.Month(t.Spec.MonthAt(t.Months - 1));
        var ends = Enumerable.Range(0, t.Arms).Select(a =>
            $"{Words.Value(def, Interval.Of(t.AcrossReplications(a, t.All, t.Months - 1, k)).Mean)} with {ArmFindings.InSentence(scenario.ArmLabel(t.Spec.Arms[a].Name))}");
        var differences = string.Join(" ", diffs.Select(d => ArmFindings.Sentence(scenario, def, d)));
        return $"**What it shows.** {def.Label} each month from {Words.Month(t.Spec.Start)} to {horizon}, all places together, in every arm; vertical lines mark the months when levers change. "
             + $"By {horizon}: {string.Join(", ", ends)}. {differences} "
             + $"**What it assumes.** {def.Description} Lines are means over {Replications(t)}"
             + (t.Replications > 1 ? "; bands are 90% confidence intervals of the mean. Differences are paired by replication (the arms share households and random draws), so they are more precise than overlapping bands suggest." : ".") + " " + Noise(t);
    }

    public static string Capacity(string title, string horizon, string localNote, ResultTable t) =>
        $"**What it shows.** For each local service in {horizon}, the contacts its budget buys in the month as a share of the requests made to it, in the four arms "
        + $"(100%, the vertical line, is enough for every request). {title}. {localNote} "
        + "**What it assumes.** Requests, capacity and budgets as the model counts them (docs/MODEL.md); for relational caseworkers capacity is the new cases they can take on after the cases they already hold. "
        + "A service that no household asks in an arm shows 'not offered' or 'no requests'. "
        + Noise(t);

    public static string Waits(string title, string horizon, double clip, ResultTable t) =>
        $"**What it shows.** For each local service in {horizon}, how many months the requests left waiting would take to clear at that month's capacity, in the four arms. {title}. "
        + $"Waits longer than {clip:0} months are drawn to the edge and labelled with their length; a service with requests waiting and no capacity at all has no end to its wait. "
        + "**What it assumes.** The wait is the stock of unmet requests divided by the month's capacity: a measure of pressure, not a waiting time anyone is quoted. "
        + Noise(t);

    public static string UnmetDomains(string title, IReadOnlyList<MetricDefinition> defs, IReadOnlyList<OffsetPoint> points, string horizon, ResultTable t)
    {
        // The interaction oriented so that negative means the local change achieves less alongside the national forces.
        double Helped(int i) => OffsetFindings.Helped(defs[i], points[i].Interaction.Mean);
        var leak = Enumerable.Range(0, defs.Count).Where(i => double.IsFinite(points[i].Interaction.Mean)).DefaultIfEmpty(-1).MinBy(i => i < 0 ? 0 : Helped(i));
        var leakText = leak >= 0 && Helped(leak) < 0
            ? $"The local gain leaks most in {Words.Noun(defs[leak])}: while the national forces act, the local change moves them by {Words.Amount(defs[leak], points[leak].LocalEffect.Mean + points[leak].Interaction.Mean)} ({Words.SignedShort(defs[leak], points[leak].LocalEffect.Mean + points[leak].Interaction.Mean)}) instead of {Words.Amount(defs[leak], points[leak].LocalEffect.Mean)} ({Words.SignedShort(defs[leak], points[leak].LocalEffect.Mean)}) on its own."
            : "In no domain does the local change achieve less while the national forces act.";
        return $"**What it shows.** Households with a severe need that no service worked on in {horizon}, by domain of need, in the four arms. {title}. {leakText} "
             + "**What it assumes.** A need is severe above the model's threshold and unmet when no service worked on it that month; a household can have several (docs/MODEL.md). "
             + Noise(t);
    }
}
