using System.Globalization;
using Parquet;
using PlaceSimulation.Reports.Files;

namespace PlaceSimulation.Reports.Tests.Files;

/// <summary>timeseries.parquet holds exactly the rows of timeseries.csv, in the same order, typed.</summary>
public sealed class TimeseriesParquetTests(OffsetPacks packs) : IClassFixture<OffsetPacks>
{
    [Fact]
    public async Task The_parquet_table_has_the_same_rows_and_values_as_the_csv()
    {
        var (folder, written, _, _) = packs.Get(OffsetRuns.Working);
        Assert.Contains("timeseries.parquet", written.Files);
        var csv = File.ReadAllLines(Path.Combine(folder, "timeseries.csv")).Skip(1).Select(l => l.Split(',')).ToArray();

        await using var stream = File.OpenRead(Path.Combine(folder, "timeseries.parquet"));
        await using var reader = await ParquetReader.CreateAsync(stream);
        Assert.Equal(["arm", "replication", "place", "month", "metric", "value"], reader.Schema.GetDataFields().Select(f => f.Name));
        var rows = new List<(string Arm, int Rep, string Place, string Month, string Metric, double? Value)>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            var arm = new string?[n];
            var rep = new int[n];
            var place = new string?[n];
            var month = new string?[n];
            var metric = new string?[n];
            var value = new double?[n];
            await group.ReadAsync(TimeseriesParquet.Arm, arm.AsMemory());
            await group.ReadAsync(TimeseriesParquet.Replication, rep.AsMemory());
            await group.ReadAsync(TimeseriesParquet.Place, place.AsMemory());
            await group.ReadAsync(TimeseriesParquet.Month, month.AsMemory());
            await group.ReadAsync(TimeseriesParquet.Metric, metric.AsMemory());
            await group.ReadAsync(TimeseriesParquet.Value, value.AsMemory());
            for (var i = 0; i < n; i++) rows.Add((arm[i]!, rep[i], place[i]!, month[i]!, metric[i]!, value[i]));
        }

        Assert.Equal(csv.Length, rows.Count);
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            var p = rows[i];
            Assert.Equal((c[0], int.Parse(c[1], CultureInfo.InvariantCulture), c[2], c[3], c[4]), (p.Arm, p.Rep, p.Place, p.Month, p.Metric));
            if (c[5] == "NA") Assert.Null(p.Value);
            else Assert.Equal(double.Parse(c[5], CultureInfo.InvariantCulture), p.Value);
        }
    }
}
