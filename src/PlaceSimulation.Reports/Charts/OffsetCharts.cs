using PlaceSimulation.Reports.Findings;
using PlaceSimulation.Reports.Offset;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Reports.Charts;

/// <summary>
/// The offset chart pack (besides the over-time charts every run has): a bridge per
/// headline metric, service capacity and waits, and unmet needs by domain. Titles come from
/// OffsetFindings and the chart data from the same OffsetAnalysis as summary.json.
/// </summary>
public static class OffsetCharts
{
    public static string BridgeStem(string metric) => "bridge-" + RunCharts.Stem(metric);

    public static IReadOnlyList<ChartDraft> Drafts(Scenario scenario, OffsetAnalysis a, string version)
    {
        var t = a.Table;
        var drafts = new List<ChartDraft>();
        foreach (var metric in OffsetAnalysis.Headline)
        {
            var def = a.Definition(metric);
            var title = OffsetFindings.Headline(def, a.AtHorizon(metric));
            var about = $"{Design(scenario, a)} Each step is a mean difference between arms over {Replications(t.Replications)} that share households and random draws (common random numbers)"
                      + (t.Replications > 1 ? "; whiskers: 90% confidence intervals. " : ". ")
                      + "Step labels are the offset measures as in offset.csv, each a change in the metric: positive = higher, negative = lower. "
                      + "Offset share = 1 − net change ÷ local effect; its interval is a bootstrap over replications (docs/OFFSET.md). "
                      + $"{def.Label}: {def.Description}";
            var story = ChartStories.Bridge(def, a.AtHorizon(metric), Words.Month(t.Spec.MonthAt(a.Horizon)), t);
            drafts.Add(BridgeChart.Draft(a, metric, title, Captions.For(scenario, t, version, about), BridgeStem(metric)) with { Story = story });
        }
        var gainAbout = $"{Design(scenario, a)} Lines: mean over {Replications(t.Replications)} of each replication's difference between arms (common random numbers)"
                      + (t.Replications > 1 ? "; bands: 90% confidence intervals. " : ". ")
                      + "Each line is a change in the metric (positive = higher). The purple line is the local effect plus the interaction: what the local change does while the national forces act.";
        drafts.Add(EffectsOverTimeChart.Draft(a, OffsetAnalysis.Headline[0], Captions.For(scenario, t, version, gainAbout), LeverMarks.For(scenario, t)));
        var services = $"{Design(scenario, a)} {Captions.Whiskers(t)}Requests are help asked of a service in the month; capacity is the contacts its budget buys; "
                     + $"requests beyond capacity wait, and the wait is the months the waiting requests would take to clear at that month's capacity (waits over {ServiceCharts.WaitClipMonths:0} months are drawn to the edge and labelled).";
        drafts.Add(ServiceCharts.CapacityDraft(a, Captions.For(scenario, t, version, services)));
        drafts.Add(ServiceCharts.WaitsDraft(a, Captions.For(scenario, t, version, services)));
        var unmet = $"{Design(scenario, a)} {Captions.Whiskers(t)}A need is unmet when it is severe and no service worked on it in the month; a household can have several.";
        drafts.Add(UnmetNeedsChart.Draft(a, Captions.For(scenario, t, version, unmet)));
        return drafts;
    }

    /// <summary>The two policies of the design, in a sentence (their descriptions are the scenario file's).</summary>
    public static string Design(Scenario scenario, OffsetAnalysis a)
    {
        string Describe(string policy) => scenario.Policies.TryGetValue(policy, out var p) && p.Description.Length > 0 ? $"'{policy}' ({p.Description.Trim().TrimEnd('.')})" : $"'{policy}'";
        return $"Local change: {Describe(a.Design.LocalPolicy)}. National forces: {Describe(a.Design.NationalPolicy)}.";
    }

    /// <summary>When a policy's first lever moves, as "July 2025".</summary>
    public static string Starts(Scenario scenario, string policy) =>
        scenario.Policies.TryGetValue(policy, out var p) && p.Changes.Count > 0
            ? Words.Month(scenario.Spec.MonthAt(Math.Max(0, p.Changes.Min(c => c.FromMonth))))
            : "(no levers)";

    private static string Replications(int n) => n == 1 ? "one replication" : $"{n} replications";
}
