using System.Text.Json;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Reports.Files;

/// <summary>
/// summary.json: for each arm, every metric's value at the horizon (the last month) with its
/// mean and 90% confidence interval over replications, for all places together and for
/// each place.
/// </summary>
public static class SummaryJson
{
    public static void Write(string path, Scenario scenario, ResultTable t, Action<Utf8JsonWriter>? extra = null)
    {
        var spec = t.Spec;
        var last = t.Months - 1;
        JsonFiles.Write(path, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("scenario");
            w.WriteString("name", scenario.Name);
            w.WriteString("title", scenario.Title);
            w.WriteString("question", scenario.Question);
            w.WriteString("file", scenario.Path);
            w.WriteString("sha256", scenario.Sha256);
            w.WriteEndObject();
            w.WriteString("start", spec.Start.ToString());
            w.WriteString("horizon", spec.MonthAt(last).ToString());
            w.WriteNumber("months", spec.Months);
            w.WriteNumber("replications", spec.Replications);
            w.WriteNumber("seed", spec.Seed);
            w.WriteStartObject("interval");
            w.WriteNumber("level", Interval.Level);
            w.WriteString("method", "Student t confidence interval for the mean over replications; null with one replication");
            w.WriteEndObject();
            w.WriteStartObject("arms");
            for (var a = 0; a < t.Arms; a++)
            {
                w.WriteStartObject(spec.Arms[a].Name);
                w.WriteStartArray("policies");
                foreach (var p in spec.Arms[a].Policies) w.WriteStringValue(p);
                w.WriteEndArray();
                WriteFinal(w, t, a, t.All, last);
                w.WriteStartObject("places");
                for (var p = 0; p < t.All; p++)
                {
                    w.WriteStartObject(t.PlaceIds[p]);
                    WriteFinal(w, t, a, p, last);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndObject();
            extra?.Invoke(w);
            w.WriteEndObject();
        });
    }

    private static void WriteFinal(Utf8JsonWriter w, ResultTable t, int arm, int place, int month)
    {
        w.WriteStartObject("final");
        for (var k = 0; k < t.Metrics.Count; k++)
        {
            var i = Interval.OfMetric(t.AcrossReplications(arm, place, month, k), t.Metrics[k]);
            w.WriteStartObject(t.Metrics[k].Name);
            w.Number("mean", i.Mean);
            w.Number("lo", i.Lo);
            w.Number("hi", i.Hi);
            w.WriteString("unit", t.Metrics[k].Unit);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
