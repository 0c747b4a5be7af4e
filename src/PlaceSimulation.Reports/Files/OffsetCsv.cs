using System.Globalization;
using CsvHelper;
using PlaceSimulation.Reports.Offset;

namespace PlaceSimulation.Reports.Files;

/// <summary>
/// offset.csv, tidy: one row per place (each id, and <c>all</c>), metric, month and measure,
/// header <c>place,metric,month,measure,mean,lo,hi,status,reason</c>. Months are YYYY-MM;
/// the last month is repeated with month <c>horizon</c> so the headline rows are one filter
/// away. offset_replications.csv holds each replication's differences,
/// <c>place,metric,month,replication,measure,value</c>.
/// </summary>
public static class OffsetCsv
{
    public const string Header = "place,metric,month,measure,mean,lo,hi,status,reason";
    public const string ReplicationsHeader = "place,metric,month,replication,measure,value";
    public const string Horizon = "horizon";

    public static void Write(string path, OffsetAnalysis a)
    {
        var t = a.Table;
        using var csv = Open(path);
        csv.WriteRecord(Header.Split(','));
        for (var p = t.All; p >= 0; p--) // all places first
        foreach (var metric in a.MetricNames)
        {
            for (var m = 0; m < t.Months; m++) Rows(csv, a, p, metric, m, t.Spec.MonthAt(m).ToString());
            Rows(csv, a, p, metric, a.Horizon, Horizon);
        }
    }

    private static void Rows(CsvWriter csv, OffsetAnalysis a, int place, string metric, int month, string monthText)
    {
        var point = a.Point(metric, place, month);
        foreach (var measure in OffsetMeasures.All)
        {
            var e = point[measure];
            csv.WriteField(a.Table.PlaceIds[place]);
            csv.WriteField(metric);
            csv.WriteField(monthText);
            csv.WriteField(measure.Name());
            csv.WriteField(Formats.Number(e.Mean));
            csv.WriteField(Formats.Number(e.Lo));
            csv.WriteField(Formats.Number(e.Hi));
            csv.WriteField(Estimate.StatusName(e.Status));
            csv.WriteField(e.Reason ?? "");
            csv.EndRecord();
        }
    }

    public static void WriteReplications(string path, OffsetAnalysis a)
    {
        var t = a.Table;
        using var csv = Open(path);
        csv.WriteRecord(ReplicationsHeader.Split(','));
        for (var p = t.All; p >= 0; p--)
        foreach (var metric in a.MetricNames)
        for (var m = 0; m < t.Months; m++)
        {
            var point = a.Point(metric, p, m);
            for (var r = 0; r < point.Replications.Count; r++)
            foreach (var measure in OffsetMeasures.Differences)
            {
                csv.WriteField(t.PlaceIds[p]);
                csv.WriteField(metric);
                csv.WriteField(t.Spec.MonthAt(m).ToString());
                csv.WriteField((r + 1).ToString(CultureInfo.InvariantCulture));
                csv.WriteField(measure.Name());
                csv.WriteField(Formats.Number(point.Replications[r][measure]));
                csv.EndRecord();
            }
        }
    }

    private static CsvWriter Open(string path)
    {
        var stream = new StreamWriter(path, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        return CsvWriter.Create(stream, new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: false);
    }
}
