using System.Globalization;
using PlaceSimulation.Reports.Files;
using PlaceSimulation.Reports.Findings;
using PlaceSimulation.Reports.Offset;
using PlaceSimulation.Reports.Tables;

namespace PlaceSimulation.Reports.Charts;

/// <summary>
/// Service pressure at the horizon, for the four arms of an offset run: capacity against
/// requests (demand_&lt;s&gt;, capacity_&lt;s&gt;) and the wait the unmet requests face
/// (wait_months_&lt;s&gt;, from queue_&lt;s&gt;), per service. Services are read from the table's
/// metric names, so a new service needs no change here.
/// </summary>
public static class ServiceCharts
{
    /// <summary>Waits longer than this are drawn to the edge and labelled: a few services may have absurd queues.</summary>
    public const double WaitClipMonths = 36;

    public sealed record Service(string Name, string Label);

    public static IReadOnlyList<Service> Services(ResultTable t) => t.Metrics
        .Where(m => m.Name.StartsWith("demand_", StringComparison.Ordinal))
        .Select(m => new Service(m.Name["demand_".Length..], m.Label.Split(':')[0]))
        .ToArray();

    /// <summary>Capacity as a share of requests per replication, then its mean and interval (NaN where there were no requests).</summary>
    public static Interval Coverage(ResultTable t, int arm, string service)
    {
        var d = t.AcrossReplications(arm, t.All, t.Months - 1, t.MetricIndex("demand_" + service));
        var c = t.AcrossReplications(arm, t.All, t.Months - 1, t.MetricIndex("capacity_" + service));
        return Interval.Of(d.Select((v, r) => v > 0 ? c[r] / v : double.NaN).ToArray());
    }

    public static Interval Wait(ResultTable t, int arm, string service) =>
        Interval.Of(t.AcrossReplications(arm, t.All, t.Months - 1, t.MetricIndex("wait_months_" + service)));

    private static double Mean(ResultTable t, int arm, string metric) => Interval.Of(t.AcrossReplications(arm, t.All, t.Months - 1, t.MetricIndex(metric))).Mean;

    public static ChartDraft CapacityDraft(OffsetAnalysis a, string caption)
    {
        var t = a.Table;
        var services = Services(t);
        var arms = a.Arms.InOrder.ToArray();
        var coverage = services.Select(s => arms.Select(arm => Coverage(t, arm, s.Name)).ToArray()).ToArray();
        var title = CapacityTitle(services, coverage);
        var series = arms.Select((arm, j) => new BarSeries(ArmLabels.For(t.Spec.Arms[arm].Name), ChartStyle.ArmColour(j),
            coverage.Select(c => c[j].Mean * 100).ToArray(), coverage.Select(c => c[j].Lo * 100).ToArray(), coverage.Select(c => c[j].Hi * 100).ToArray())).ToArray();
        string Missing(int i, int j) => Mean(t, arms[j], "capacity_" + services[i].Name) > 0 ? "no requests" : "not offered";

        var data = new ChartData("service", "arm", "month", "demand", "capacity", "served", "queue", "capacity_share_of_demand", "lo90", "hi90");
        var month = t.Spec.MonthAt(t.Months - 1).ToString();
        for (var i = 0; i < services.Count; i++)
            for (var j = 0; j < arms.Length; j++)
                data.Add(services[i].Name, t.Spec.Arms[arms[j]].Name, month,
                    Formats.Number(Mean(t, arms[j], "demand_" + services[i].Name)), Formats.Number(Mean(t, arms[j], "capacity_" + services[i].Name)),
                    Formats.Number(Mean(t, arms[j], "served_" + services[i].Name)), Formats.Number(Mean(t, arms[j], "queue_" + services[i].Name)),
                    Formats.Number(coverage[i][j].Mean), Formats.Number(coverage[i][j].Lo), Formats.Number(coverage[i][j].Hi));

        var horizon = Words.Month(t.Spec.MonthAt(t.Months - 1));
        var story = ChartStories.Capacity(title, horizon, LocalCapacityNote(services, coverage), t);
        return new ChartDraft("service-capacity", title, caption,
            size => GroupedBars.Draw(size, title, "Capacity as % of the month's requests (line: 100%, enough for all)",
                services.Select(s => s.Label).ToArray(), series, v => v.ToString("0", CultureInfo.InvariantCulture) + "%", Missing, clipAt: 200, reference: 100),
            data, story);
    }

    public static ChartDraft WaitsDraft(OffsetAnalysis a, string caption)
    {
        var t = a.Table;
        // Every service with a wait in the table is drawn, however long its wait: a wait beyond the
        // chart's range is drawn to the edge and labelled with its length, never left out.
        IReadOnlyList<Service> services = Services(t).Where(s => t.Metrics.Any(m => m.Name == "wait_months_" + s.Name)).ToArray();
        var arms = a.Arms.InOrder.ToArray();
        // A service not offered in an arm (no capacity, nobody waiting) has no wait at all, not a wait of zero.
        var waits = services.Select(s => arms.Select(arm =>
            Mean(t, arm, "capacity_" + s.Name) <= 0 && Mean(t, arm, "queue_" + s.Name) <= 0
                ? new Interval(double.NaN, double.NaN, double.NaN, double.NaN, t.Replications)
                : Wait(t, arm, s.Name)).ToArray()).ToArray();
        var title = WaitsTitle(services, waits);
        var series = arms.Select((arm, j) => new BarSeries(ArmLabels.For(t.Spec.Arms[arm].Name), ChartStyle.ArmColour(j),
            waits.Select(w => w[j].Mean).ToArray(), waits.Select(w => w[j].Lo).ToArray(), waits.Select(w => w[j].Hi).ToArray())).ToArray();
        string Missing(int i, int j) =>
            Mean(t, arms[j], "queue_" + services[i].Name) > 0 ? (Mean(t, arms[j], "capacity_" + services[i].Name) > 0 ? "no wait" : "no capacity: no end to the wait")
            : Mean(t, arms[j], "capacity_" + services[i].Name) > 0 ? "no wait" : "not offered";

        var data = new ChartData("service", "arm", "month", "queue", "capacity", "wait_months", "lo90", "hi90");
        var month = t.Spec.MonthAt(t.Months - 1).ToString();
        for (var i = 0; i < services.Count; i++)
            for (var j = 0; j < arms.Length; j++)
                data.Add(services[i].Name, t.Spec.Arms[arms[j]].Name, month,
                    Formats.Number(Mean(t, arms[j], "queue_" + services[i].Name)), Formats.Number(Mean(t, arms[j], "capacity_" + services[i].Name)),
                    Formats.Number(waits[i][j].Mean), Formats.Number(waits[i][j].Lo), Formats.Number(waits[i][j].Hi));

        var story = ChartStories.Waits(title, Words.Month(t.Spec.MonthAt(t.Months - 1)), WaitClipMonths, t);
        return new ChartDraft("service-waits", title, caption,
            size => GroupedBars.Draw(size, title, "Months to clear the waiting requests at the month's capacity",
                services.Select(s => s.Label).ToArray(), series, v => v.ToString(v >= 100 ? "#,0" : "0.0", CultureInfo.InvariantCulture) + " months", Missing, clipAt: WaitClipMonths),
            data, story);
    }

    /// <summary>The service whose capacity against requests the national forces cut most (neither against national only).</summary>
    public static string CapacityTitle(IReadOnlyList<Service> services, Interval[][] coverage)
    {
        var drops = services.Select((s, i) => (s, drop: coverage[i][0].Mean - coverage[i][2].Mean, i)).Where(x => double.IsFinite(x.drop)).ToArray();
        if (drops.Length == 0 || drops.Max(x => x.drop) <= 0.0005) return "National forces do not cut any service's capacity against its requests";
        var worst = drops.MaxBy(x => x.drop);
        return $"National forces stretch {worst.s.Label.ToLowerInvariant()} most: capacity for {Words.Percent(coverage[worst.i][0].Mean)} of requests with neither change, {Words.Percent(coverage[worst.i][2].Mean)} with national forces";
    }

    /// <summary>The service the local change adds most capacity to, against its requests (neither against local only).</summary>
    public static string LocalCapacityNote(IReadOnlyList<Service> services, Interval[][] coverage)
    {
        var gains = services.Select((s, i) => (s, gain: coverage[i][1].Mean - coverage[i][0].Mean, i)).Where(x => double.IsFinite(x.gain)).ToArray();
        if (gains.Length == 0 || gains.Max(x => x.gain) <= 0.0005) return "The local change adds no capacity against requests to any service that was already offered.";
        var best = gains.MaxBy(x => x.gain);
        return $"The local change adds most to {best.s.Label.ToLowerInvariant()}: capacity for {Words.Percent(coverage[best.i][1].Mean)} of requests, against {Words.Percent(coverage[best.i][0].Mean)} with neither change.";
    }

    /// <summary>The service whose wait the national forces lengthen most (neither against national only).</summary>
    public static string WaitsTitle(IReadOnlyList<Service> services, Interval[][] waits)
    {
        var rises = services.Select((s, i) => (s, rise: waits[i][2].Mean - waits[i][0].Mean, i)).Where(x => double.IsFinite(x.rise)).ToArray();
        if (rises.Length == 0 || rises.Max(x => x.rise) <= 0.05) return "National forces do not lengthen any service's wait";
        var worst = rises.MaxBy(x => x.rise);
        string M(double v) => v.ToString(v >= 100 ? "#,0" : "0.0", CultureInfo.InvariantCulture);
        return $"National forces lengthen the wait for {worst.s.Label.ToLowerInvariant()} most: from {M(waits[worst.i][0].Mean)} to {M(waits[worst.i][2].Mean)} months";
    }
}
