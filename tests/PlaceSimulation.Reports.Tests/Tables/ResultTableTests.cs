using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Reports.Files;
using PlaceSimulation.Reports.Offset;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Reports.Tests.Tables;

/// <summary>A table that reads place rows back job by job (a run too large to hold) gives the numbers and the files of one held in memory.</summary>
public sealed class ResultTableTests
{
    private static (Scenario Scenario, RunResults Results) Run()
    {
        var scenario = ScenarioLoader.Parse("offset-test.yaml", OffsetRuns.Yaml(OffsetRuns.Working, households: 300, months: 14, replications: 2));
        return (scenario, InProcessRunner.RunAsync(scenario.Spec).GetAwaiter().GetResult());
    }

    private static long[] Job(RunResults results, int a, int r, int p, int months, ref int reads)
    {
        Interlocked.Increment(ref reads);
        var n = Counter.Count;
        var v = new long[(long)months * n];
        for (var m = 0; m < months; m++) results.Get(a, r, p, m).CopyTo(v.AsSpan(m * n, n));
        return v;
    }

    [Fact]
    public void Read_back_and_in_memory_tables_hold_the_same_value_in_every_cell()
    {
        var (scenario, results) = Run();
        var spec = scenario.Spec;
        var held = ResultTable.From(spec, results);
        var reads = 0;
        var readBack = ResultTable.FromJobs(spec, (a, r, p) => Job(results, a, r, p, spec.Months, ref reads), memoryLimit: 0);

        Assert.False(held.ReadsBack);
        Assert.True(readBack.ReadsBack);
        for (var a = 0; a < held.Arms; a++)
        for (var r = 0; r < held.Replications; r++)
        for (var p = 0; p < held.Places; p++)
        for (var m = 0; m < held.Months; m++)
        for (var k = 0; k < held.Metrics.Count; k++)
            Assert.Equal(held.Value(a, r, p, m, k), readBack.Value(a, r, p, m, k));
        // Every job is read once for the totals, then once more when its rows are first needed (and kept).
        Assert.Equal(2 * spec.Arms.Count * spec.Replications * spec.Places.Count, reads);
    }

    [Fact]
    public async Task Read_back_and_in_memory_tables_write_the_same_bytes()
    {
        var (scenario, results) = Run();
        var spec = scenario.Spec;
        var reads = 0;
        var tables = new[] { ResultTable.From(spec, results), ResultTable.FromJobs(spec, (a, r, p) => Job(results, a, r, p, spec.Months, ref reads), memoryLimit: 0) };
        using var scratch = new ScratchFolder();
        var info = new RunInfo("test", "0.0.0-test", "in process", 1, 1, DateTimeOffset.UnixEpoch, 1, 1);
        var folders = new List<string>();
        foreach (var table in tables)
        {
            var folder = Path.Combine(scratch.Path, $"{folders.Count}");
            RunOutputs.Write(folder, scenario, table, OffsetAnalysis.Of(table, scenario.Offset!), "0.0.0-test", () => info);
            folders.Add(folder);
        }

        foreach (var file in new[] { "timeseries.csv", "offset.csv", "summary.json", "timeseries.parquet" })
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folders[0], file)), await File.ReadAllBytesAsync(Path.Combine(folders[1], file)));
    }
}
