using Parquet;
using Parquet.Schema;
using PlaceSimulation.Reports.Tables;

namespace PlaceSimulation.Reports.Files;

/// <summary>
/// timeseries.parquet: the same tidy table as timeseries.csv (the same rows, in the same
/// order) as Apache Parquet, for R (arrow), pandas and DuckDB: columns arm (string),
/// replication (int32, from 1), place (string), month (string, YYYY-MM), metric (string),
/// value (double, null where undefined). One row group per arm; Snappy compression.
/// </summary>
public static class TimeseriesParquet
{
    public static readonly DataField<string> Arm = new("arm");
    public static readonly DataField<int> Replication = new("replication");
    public static readonly DataField<string> Place = new("place");
    public static readonly DataField<string> Month = new("month");
    public static readonly DataField<string> Metric = new("metric");
    public static readonly DataField<double?> Value = new("value");

    public static async Task WriteAsync(string path, ResultTable t, bool totalsOnly = false)
    {
        var schema = new ParquetSchema(Arm, Replication, Place, Month, Metric, Value);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy });
        var months = Enumerable.Range(0, t.Months).Select(m => t.Spec.MonthAt(m).ToString()).ToArray();
        var firstPlace = totalsOnly ? t.All : 0;
        var rows = t.Replications * (t.Places - firstPlace) * t.Months * t.Metrics.Count;
        for (var a = 0; a < t.Arms; a++)
        {
            var arm = new string[rows];
            var rep = new int[rows];
            var place = new string[rows];
            var month = new string[rows];
            var metric = new string[rows];
            var value = new double?[rows];
            var i = 0;
            for (var r = 0; r < t.Replications; r++)
            for (var p = firstPlace; p < t.Places; p++)
            for (var m = 0; m < t.Months; m++)
            for (var k = 0; k < t.Metrics.Count; k++)
            {
                arm[i] = t.Spec.Arms[a].Name;
                rep[i] = r + 1;
                place[i] = t.PlaceIds[p];
                month[i] = months[m];
                metric[i] = t.Metrics[k].Name;
                var v = t.Value(a, r, p, m, k);
                value[i] = double.IsFinite(v) ? Formats.Round(v) : null;
                i++;
            }
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(Arm, arm);
            await group.WriteAsync(Replication, new ReadOnlyMemory<int>(rep));
            await group.WriteAsync(Place, place);
            await group.WriteAsync(Month, month);
            await group.WriteAsync(Metric, metric);
            await group.WriteAsync(Value, new ReadOnlyMemory<double?>(value));
        }
    }
}
