using System.Text.Json;
using PlaceSimulation.Reports.Offset;
using PlaceSimulation.Reports.Tables;

namespace PlaceSimulation.Reports.Files;

/// <summary>
/// The offset block of summary.json: <c>offset_design</c> (which policies, which arms, how
/// the intervals are made) and <c>offset.&lt;metric&gt;.&lt;measure&gt;.{mean,lo,hi}</c> at
/// the horizon for all places together; the offset share also carries <c>status</c> and
/// <c>reason</c>, and its numbers are null when it is undefined or unstable.
/// <c>offset_by_place</c> repeats the block for each place.
/// </summary>
public static class OffsetJson
{
    public static void Write(Utf8JsonWriter w, OffsetAnalysis a)
    {
        var t = a.Table;
        w.WriteStartObject("offset_design");
        w.WriteString("local", a.Design.LocalPolicy);
        w.WriteString("national", a.Design.NationalPolicy);
        w.WriteStartObject("arms");
        w.WriteString("neither", t.Spec.Arms[a.Arms.Neither].Name);
        w.WriteString("local", t.Spec.Arms[a.Arms.Local].Name);
        w.WriteString("national", t.Spec.Arms[a.Arms.National].Name);
        w.WriteString("both", t.Spec.Arms[a.Arms.Both].Name);
        w.WriteEndObject();
        w.WriteString("month", t.Spec.MonthAt(a.Horizon).ToString());
        w.WriteString("place", ResultTable.AllPlaces);
        w.WriteString("sign", OffsetMeasures.Sign);
        w.WriteString("identity", "local_effect + national_effect + interaction = net (per replication and for the means)");
        w.WriteStartObject("definitions");
        w.WriteString("local_effect", "Y_local - Y_neither (what the local change does on its own)");
        w.WriteString("national_effect", "Y_national - Y_neither (what the national forces do on their own)");
        w.WriteString("interaction", "Y_both - Y_local - Y_national + Y_neither (what acting together adds beyond the two effects on their own)");
        w.WriteString("net", "Y_both - Y_neither (where doing both leaves the metric against doing neither)");
        w.WriteString("offset_share", "1 - net / local_effect (share of what the local change achieves that the national forces cancel: 1 = all; above 1 = worse than doing nothing); defined only when the local effect moves the metric in its helpful direction (lower_is_better says which)");
        w.WriteEndObject();
        w.WriteStartObject("intervals");
        w.Number("level", Interval.Level);
        w.WriteString("differences", "Student t confidence interval of the mean of the per-replication differences (replications share households and random draws: common random numbers)");
        w.WriteString("offset_share", $"ratio of means, 1 - mean(net) / mean(local_effect), with a percentile bootstrap over replications ({OffsetShare.Resamples} resamples, seeded from the run's seed); null with a status and reason when the local effect does not help or its interval includes zero");
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("offset");
        WriteMetrics(w, a, t.All);
        w.WriteEndObject();

        w.WriteStartObject("offset_by_place");
        for (var p = 0; p < t.All; p++)
        {
            w.WriteStartObject(t.PlaceIds[p]);
            WriteMetrics(w, a, p);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteMetrics(Utf8JsonWriter w, OffsetAnalysis a, int place)
    {
        foreach (var metric in a.MetricNames)
        {
            var point = a.Point(metric, place, a.Horizon);
            var def = a.Definition(metric);
            w.WriteStartObject(metric);
            w.WriteString("unit", def.Unit);
            w.WriteBoolean("lower_is_better", def.LowerIsBetter);
            w.WriteStartObject("levels");
            string[] arms = ["neither", "local", "national", "both"];
            for (var i = 0; i < 4; i++)
            {
                w.WriteStartObject(arms[i]);
                w.Number("mean", point.Levels[i].Mean);
                w.Number("lo", point.Levels[i].Lo);
                w.Number("hi", point.Levels[i].Hi);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            foreach (var measure in OffsetMeasures.All)
            {
                var e = point[measure];
                w.WriteStartObject(measure.Name());
                w.Number("mean", e.Mean);
                w.Number("lo", e.Lo);
                w.Number("hi", e.Hi);
                if (measure == OffsetMeasure.OffsetShare || !e.IsDefined)
                {
                    w.WriteString("status", Estimate.StatusName(e.Status));
                    if (e.Reason is null) w.WriteNull("reason");
                    else w.WriteString("reason", e.Reason);
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
    }
}
