using System.Globalization;
using CsvHelper;
using PlaceSimulation.Reports.Compare;

namespace PlaceSimulation.Reports.Files;

/// <summary>
/// compare.csv, tidy: one row per scenario, arm, metric and month, all places together,
/// header <c>scenario,arm,reference_arm,metric,month,month_index,mean,lo,hi,difference,difference_lo,difference_hi</c>.
/// month_index counts months from each scenario's start (scenarios may start in different
/// months); the last month is repeated as <c>horizon</c>. difference is the arm minus its
/// scenario's reference arm, paired by replication (0 for the reference arm itself).
/// </summary>
public static class CompareCsv
{
    public const string Header = "scenario,arm,reference_arm,metric,month,month_index,mean,lo,hi,difference,difference_lo,difference_hi";

    public static void Write(string path, ScenarioComparison c)
    {
        using var stream = new StreamWriter(path, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        using var csv = CsvWriter.Create(stream, new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: false);
        foreach (var h in Header.Split(',')) csv.WriteField(h);
        csv.EndRecord();
        var metrics = c.Metrics;
        foreach (var run in c.Runs)
        for (var a = 0; a < run.Table.Arms; a++)
        foreach (var metric in metrics)
        {
            for (var m = 0; m < run.Table.Months; m++) Row(csv, c.Value(run, a, metric, m), run.Table.Spec.MonthAt(m).ToString());
            Row(csv, c.Value(run, a, metric, run.Table.Months - 1), OffsetCsv.Horizon);
        }
    }

    public const string OffsetHeader = "scenario,metric,month,measure,mean,lo,hi,status,reason";

    /// <summary>compare_offset.csv: the offset measures at each offset scenario's horizon, all places together.</summary>
    public static void WriteOffset(string path, ScenarioComparison c)
    {
        using var stream = new StreamWriter(path, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        using var csv = CsvWriter.Create(stream, new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: false);
        foreach (var h in OffsetHeader.Split(',')) csv.WriteField(h);
        csv.EndRecord();
        foreach (var run in c.Runs.Where(r => r.Offset is not null))
        foreach (var metric in run.Offset!.MetricNames)
        {
            var p = run.Offset.AtHorizon(metric);
            foreach (var measure in Offset.OffsetMeasures.All)
            {
                var e = p[measure];
                csv.WriteField(run.Name);
                csv.WriteField(metric);
                csv.WriteField(run.Table.Spec.MonthAt(run.Offset.Horizon).ToString());
                csv.WriteField(Offset.OffsetMeasures.Name(measure));
                csv.WriteField(Formats.Number(e.Mean));
                csv.WriteField(Formats.Number(e.Lo));
                csv.WriteField(Formats.Number(e.Hi));
                csv.WriteField(Offset.Estimate.StatusName(e.Status));
                csv.WriteField(e.Reason ?? "");
                csv.EndRecord();
            }
        }
    }

    private static void Row(CsvWriter csv, ComparedValue v, string month)
    {
        csv.WriteField(v.Scenario);
        csv.WriteField(v.Arm);
        csv.WriteField(v.ReferenceArm);
        csv.WriteField(v.Metric);
        csv.WriteField(month);
        csv.WriteField(v.Month.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(Formats.Number(v.Level.Mean));
        csv.WriteField(Formats.Number(v.Level.Lo));
        csv.WriteField(Formats.Number(v.Level.Hi));
        csv.WriteField(Formats.Number(v.Difference.Mean));
        csv.WriteField(Formats.Number(v.Difference.Lo));
        csv.WriteField(Formats.Number(v.Difference.Hi));
        csv.EndRecord();
    }
}
