using Parquet;
using Parquet.Schema;
using PlaceSimulation.Reports.Tables;

namespace PlaceSimulation.Reports.Files;

/// <summary>
/// timeseries.parquet: the same tidy table as timeseries.csv (the same rows, in the same
/// order) as Apache Parquet, for R (arrow), pandas and DuckDB: columns arm (string),
/// replication (int32, from 1), place (string), month (string, YYYY-MM), metric (string),
/// value (double, null where undefined). Row groups of at most a million rows (whole
/// replication-place blocks), never spanning two arms; Snappy compression.
/// </summary>
public static class TimeseriesParquet
{
    public static readonly DataField<string> Arm = new("arm");
    public static readonly DataField<int> Replication = new("replication");
    public static readonly DataField<string> Place = new("place");
    public static readonly DataField<string> Month = new("month");
    public static readonly DataField<string> Metric = new("metric");
    public static readonly DataField<double?> Value = new("value");

    /// <summary>Rows in one row group at most, so writing holds a bounded number of rows in memory.</summary>
    public const int MaxRowsPerGroup = 250_000;

    public static async Task WriteAsync(string path, ResultTable t, bool totalsOnly = false)
    {
        var schema = new ParquetSchema(Arm, Replication, Place, Month, Metric, Value);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy });
        var months = Enumerable.Range(0, t.Months).Select(m => t.Spec.MonthAt(m).ToString()).ToArray();
        var firstPlace = totalsOnly ? t.All : 0;
        var perJob = t.Months * t.Metrics.Count;
        // A group holds whole (replication, place) blocks of one arm: at least one, at most MaxRowsPerGroup rows where more fit.
        var capacity = Math.Max(perJob, MaxRowsPerGroup / perJob * perJob);
        var arm = new string[capacity];
        var rep = new int[capacity];
        var place = new string[capacity];
        var month = new string[capacity];
        var metric = new string[capacity];
        var value = new double?[capacity];
        var i = 0;

        async Task Flush()
        {
            if (i == 0) return;
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(Arm, new ArraySegment<string>(arm, 0, i));
            await group.WriteAsync(Replication, new ReadOnlyMemory<int>(rep, 0, i));
            await group.WriteAsync(Place, new ArraySegment<string>(place, 0, i));
            await group.WriteAsync(Month, new ArraySegment<string>(month, 0, i));
            await group.WriteAsync(Metric, new ArraySegment<string>(metric, 0, i));
            await group.WriteAsync(Value, new ReadOnlyMemory<double?>(value, 0, i));
            i = 0;
        }

        for (var a = 0; a < t.Arms; a++)
        {
            for (var r = 0; r < t.Replications; r++)
            for (var p = firstPlace; p < t.Places; p++)
            {
                if (i + perJob > capacity) await Flush();
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
            }
            await Flush();
        }
    }
}
