using System.Globalization;
using CsvHelper;
using Parquet;
using Parquet.Schema;
using PlaceSimulation.Reports.Files;

namespace PlaceSimulation.Reports.Sweeps;

/// <summary>
/// A sweep's data files. <c>sweep.csv</c> and <c>sweep.parquet</c>, tidy: one row per design
/// point, arm, replication and metric, header
/// <c>sample,arm,replication,&lt;one column per varied parameter&gt;,metric,value</c>;
/// <c>sensitivity.csv</c>: <c>arm,metric,parameter,index,value,lo,hi</c> (the tornado's
/// low, base and high outcomes, Morris mu, mu*, sigma or Sobol first- and total-order indices,
/// with 90% bootstrap intervals); <c>sweep.json</c>: the design and what was varied.
/// </summary>
public static class SweepFiles
{
    public static IReadOnlyList<string> Write(string folder, SweepResults results, IReadOnlyList<MetricSensitivity> analysis)
    {
        WriteCsv(Path.Combine(folder, "sweep.csv"), results);
        WriteParquetAsync(Path.Combine(folder, "sweep.parquet"), results).GetAwaiter().GetResult();
        WriteSensitivity(Path.Combine(folder, "sensitivity.csv"), results, analysis);
        WriteDesign(Path.Combine(folder, "sweep.json"), results);
        return ["sweep.csv", "sweep.parquet", "sensitivity.csv", "sweep.json"];
    }

    private static IEnumerable<(SweepPoint Point, int Arm, int Rep, int Metric)> Rows(SweepResults r)
    {
        foreach (var p in r.Plan.DesignPoints)
        for (var a = 0; a < r.Arms; a++)
        for (var rep = 0; rep < r.Replications; rep++)
        for (var k = 0; k < r.Metrics.Count; k++)
            yield return (p, a, rep, k);
    }

    private static CsvWriter Open(string path) =>
        CsvWriter.Create(new StreamWriter(path, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" },
            new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: false);

    private static void WriteCsv(string path, SweepResults r)
    {
        using var csv = Open(path);
        var names = r.Plan.Ranges.Select(x => x.Name).ToArray();
        csv.WriteRecord(new[] { "sample", "arm", "replication" }.Concat(names).Concat(["metric", "value"]).ToArray());
        var arms = r.Plan.Scenario.Spec.Arms;
        foreach (var (p, a, rep, k) in Rows(r))
        {
            csv.WriteField(p.Number.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(arms[a].Name);
            csv.WriteField((rep + 1).ToString(CultureInfo.InvariantCulture));
            foreach (var v in p.Values) csv.WriteField(Formats.Number(v));
            csv.WriteField(r.Metrics[k].Name);
            csv.WriteField(Formats.Number(r.Measure(p.Number, a, rep, k)));
            csv.EndRecord();
        }
    }

    private static async Task WriteParquetAsync(string path, SweepResults r)
    {
        var names = r.Plan.Ranges.Select(x => x.Name).ToArray();
        var sample = new DataField<int>("sample");
        var arm = new DataField<string>("arm");
        var replication = new DataField<int>("replication");
        var parameters = names.Select(n => new DataField<double>(n)).ToArray();
        var metric = new DataField<string>("metric");
        var value = new DataField<double?>("value");
        var schema = new ParquetSchema(new Field[] { sample, arm, replication }.Concat(parameters).Concat([metric, value]).ToArray());
        var rows = Rows(r).ToArray();
        var armNames = r.Plan.Scenario.Spec.Arms;
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy });
        const int group = 250_000;
        for (var start = 0; start < rows.Length || start == 0; start += group)
        {
            var part = rows.Skip(start).Take(group).ToArray();
            using var g = writer.CreateRowGroup();
            await g.WriteAsync(sample, new ReadOnlyMemory<int>(part.Select(x => x.Point.Number).ToArray()));
            await g.WriteAsync(arm, part.Select(x => armNames[x.Arm].Name).ToArray());
            await g.WriteAsync(replication, new ReadOnlyMemory<int>(part.Select(x => x.Rep + 1).ToArray()));
            for (var i = 0; i < names.Length; i++) await g.WriteAsync(parameters[i], new ReadOnlyMemory<double>(part.Select(x => x.Point.Values[i]).ToArray()));
            await g.WriteAsync(metric, part.Select(x => r.Metrics[x.Metric].Name).ToArray());
            await g.WriteAsync(value, new ReadOnlyMemory<double?>(part.Select(x =>
            {
                var v = r.Measure(x.Point.Number, x.Arm, x.Rep, x.Metric);
                return double.IsFinite(v) ? Formats.Round(v) : (double?)null;
            }).ToArray()));
            if (rows.Length == 0) break;
        }
    }

    private static void WriteSensitivity(string path, SweepResults r, IReadOnlyList<MetricSensitivity> analysis)
    {
        using var csv = Open(path);
        csv.WriteRecord(new[] { "arm", "metric", "parameter", "index", "value", "lo", "hi" });
        var arms = r.Plan.Scenario.Spec.Arms;
        void Row(MetricSensitivity s, string parameter, string index, double v, double lo = double.NaN, double hi = double.NaN) =>
            csv.WriteRecord(new[] { arms[s.Arm].Name, r.Metrics[s.Metric].Name, parameter, index, Formats.Number(v), Formats.Number(lo), Formats.Number(hi) });
        foreach (var s in analysis)
        {
            foreach (var b in s.Tornado)
            {
                Row(s, b.Parameter, "at_low", b.AtLow);
                Row(s, b.Parameter, "at_base", b.AtBase);
                Row(s, b.Parameter, "at_high", b.AtHigh);
            }
            foreach (var m in s.Morris ?? [])
            {
                Row(s, m.Name, "mu", m.Mu);
                Row(s, m.Name, "mu_star", m.MuStar, m.MuStarLo, m.MuStarHi);
                Row(s, m.Name, "sigma", m.Sigma);
            }
            foreach (var x in s.Sobol ?? [])
            {
                Row(s, x.Name, "first_order", x.First, x.FirstLo, x.FirstHi);
                Row(s, x.Name, "total_order", x.Total, x.TotalLo, x.TotalHi);
            }
        }
    }

    private static void WriteDesign(string path, SweepResults r)
    {
        var plan = r.Plan;
        var block = plan.Block;
        JsonFiles.Write(path, w =>
        {
            w.WriteStartObject();
            w.WriteString("design", block.Design.ToString().ToLowerInvariant());
            w.WriteNumber("samples", block.Samples);
            w.WriteNumber("design_points", plan.DesignPoints.Count());
            w.WriteNumber("points", plan.Points.Count);
            w.WriteNumber("runs", (long)plan.Points.Count * plan.Scenario.Spec.Arms.Count * plan.Scenario.Spec.Replications);
            w.WriteString("measured_at", block.At == Scenarios.SweepAt.Horizon ? "horizon" : "mean_last_12");
            w.WriteStartArray("metrics");
            foreach (var m in r.Metrics) w.WriteStringValue(m.Name);
            w.WriteEndArray();
            w.WriteStartArray("parameters");
            foreach (var p in block.Vary)
            {
                w.WriteStartObject();
                w.WriteString("path", p.Path);
                w.WriteString("unit", p.Unit);
                w.Number("low", p.Low);
                w.Number("high", p.High);
                if (p.Levels is { } levels)
                {
                    w.WriteStartArray("levels");
                    foreach (var l in levels) w.WriteNumberValue(l);
                    w.WriteEndArray();
                }
                w.WriteString("range_from", p.FromDeclaredRange ? "the parameter's declared plausible range (parameters/)" : "the scenario file");
                w.WriteString("provenance", p.Provenance);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
