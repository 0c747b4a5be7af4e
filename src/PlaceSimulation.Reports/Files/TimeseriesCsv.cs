using System.Globalization;
using CsvHelper;
using PlaceSimulation.Reports.Tables;

namespace PlaceSimulation.Reports.Files;

/// <summary>
/// timeseries.csv: the tidy table, one row per arm, replication, place, month and metric,
/// header exactly <c>arm,replication,place,month,metric,value</c>. Replications are numbered
/// from 1; months are written YYYY-MM; undefined values are NA. Rows come in a fixed order,
/// so the same run always writes the same bytes. With <c>totalsOnly</c> only the rows for all
/// places together (place <c>all</c>) are written: a run of hundreds of places otherwise
/// writes millions of rows.
/// </summary>
public static class TimeseriesCsv
{
    public const string Header = "arm,replication,place,month,metric,value";

    public static void Write(string path, ResultTable t, bool totalsOnly = false)
    {
        using var stream = new StreamWriter(path, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        var options = new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };
        using var csv = CsvWriter.Create(stream, options, leaveOpen: false);
        csv.WriteRecord(Header.Split(','));
        var months = Enumerable.Range(0, t.Months).Select(m => t.Spec.MonthAt(m).ToString()).ToArray();
        for (var a = 0; a < t.Arms; a++)
        for (var r = 0; r < t.Replications; r++)
        for (var p = totalsOnly ? t.All : 0; p < t.Places; p++)
        for (var m = 0; m < t.Months; m++)
        for (var k = 0; k < t.Metrics.Count; k++)
        {
            csv.WriteField(t.Spec.Arms[a].Name);
            csv.WriteField((r + 1).ToString(CultureInfo.InvariantCulture));
            csv.WriteField(t.PlaceIds[p]);
            csv.WriteField(months[m]);
            csv.WriteField(t.Metrics[k].Name);
            csv.WriteField(Formats.Number(t.Value(a, r, p, m, k)));
            csv.EndRecord();
        }
    }
}
