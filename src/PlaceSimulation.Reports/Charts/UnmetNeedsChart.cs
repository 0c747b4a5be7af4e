using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Reports.Files;
using PlaceSimulation.Reports.Findings;
using PlaceSimulation.Reports.Offset;

namespace PlaceSimulation.Reports.Charts;

/// <summary>
/// Where the local gain leaks: households with an unmet severe need in each domain
/// (unmet_needs_&lt;domain&gt;) at the horizon, per arm of the offset design. The title names
/// the domain the local change helps most and the one the national forces hurt most.
/// </summary>
public static class UnmetNeedsChart
{
    public static IReadOnlyList<string> Domains(OffsetAnalysis a) =>
        a.MetricNames.Where(m => m.StartsWith("unmet_needs_", StringComparison.Ordinal)).ToArray();

    public static ChartDraft Draft(OffsetAnalysis a, string caption)
    {
        var t = a.Table;
        var domains = Domains(a);
        var points = domains.Select(a.AtHorizon).ToArray();
        var title = Title(domains.Select(a.Definition).ToArray(), points);
        var series = Enumerable.Range(0, 4).Select(j => new BarSeries(ArmLabels.For(t.Spec.Arms[a.Arms[j]].Name), ChartStyle.ArmColour(j),
            points.Select(p => p.Levels[j].Mean * 100).ToArray(), points.Select(p => p.Levels[j].Lo * 100).ToArray(), points.Select(p => p.Levels[j].Hi * 100).ToArray())).ToArray();

        var data = new ChartData("domain", "arm", "month", "mean", "lo90", "hi90");
        var month = t.Spec.MonthAt(a.Horizon).ToString();
        for (var i = 0; i < domains.Count; i++)
            for (var j = 0; j < 4; j++)
                data.Add(Words.Domain(domains[i]).Replace(' ', '_'), t.Spec.Arms[a.Arms[j]].Name, month,
                    Formats.Number(points[i].Levels[j].Mean), Formats.Number(points[i].Levels[j].Lo), Formats.Number(points[i].Levels[j].Hi));

        var defs = domains.Select(a.Definition).ToArray();
        var story = ChartStories.UnmetDomains(title, defs, points, Words.Month(t.Spec.MonthAt(a.Horizon)), t);
        return new ChartDraft("unmet-needs-by-domain", title, caption,
            size => GroupedBars.Draw(size, title, "Households with a severe need that no service worked on this month (%)",
                domains.Select(d => Words.Capitalised(Words.Domain(d))).ToArray(), series, v => v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%"),
            data, story);
    }

    public static string Title(IReadOnlyList<MetricDefinition> defs, IReadOnlyList<OffsetPoint> points)
    {
        // Unmet needs: lower is better, so the local change helps most where its effect is most negative.
        var effects = points.Select((p, i) => (p, def: defs[i])).Where(x => double.IsFinite(x.p.LocalEffect.Mean)).ToArray();
        var best = effects.MinBy(x => x.p.LocalEffect.Mean);
        var worst = effects.MaxBy(x => x.p.NationalEffect.Mean);
        var first = best.p is not null && best.p.LocalEffect.Mean < 0
            ? $"The local change cuts {Words.Noun(best.def)} most ({Words.Amount(best.def, best.p.LocalEffect.Mean)})"
            : "The local change cuts no kind of unmet need";
        var second = worst.p is not null && worst.p.NationalEffect.Mean > 0
            ? $"national forces add most to {Words.Noun(worst.def)} ({Words.Amount(worst.def, worst.p.NationalEffect.Mean)})"
            : "national forces add to no kind of unmet need";
        return $"{first}; {second}";
    }
}
