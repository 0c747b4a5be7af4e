using System.Text.Json;

namespace PlaceSimulation.Cli.Tests;

/// <summary>`placesim bench --only`: a subset of the figures still writes valid JSON, and says "not run" for the rest.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public async Task Only_the_pure_loop_writes_valid_json_with_its_figure_and_not_run_for_the_others()
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);

        var result = await Placesim.RunAsync(temp.Path, "bench", scenario, "--only", "pure_loop", "--repeats", "1", "--households", "200", "--out", temp["bench"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("NaN", result.StdOut);
        Assert.Contains("(a)/(b): not run", result.StdOut);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp["bench"], "bench.json")));
        var root = json.RootElement;
        Assert.True(root.GetProperty("pure_loop").GetDouble() > 0);
        foreach (var name in new[] { "default", "one_per_grain", "default_over_one_per_grain", "default_over_cores_times_pure_loop", "cpu_efficiency", "identical_counters" })
            Assert.Equal("not run", root.GetProperty(name).GetString());
        Assert.Equal("not run", root.GetProperty("seconds").GetProperty("default").GetString());
        Assert.Equal(1, root.GetProperty("seconds").GetProperty("pure_loop").GetArrayLength());
        Assert.Equal(["pure_loop"], root.GetProperty("only").EnumerateArray().Select(e => e.GetString()!).ToArray());
        // The reference workload is timed in every run, and the pure loop is given against it.
        Assert.True(root.GetProperty("reference_workload_seconds").GetDouble() > 0);
        Assert.True(root.GetProperty("reference_workload_cpu_seconds").GetDouble() > 0);
        Assert.True(root.GetProperty("pure_loop_per_reference").GetDouble() > 0);
        Assert.True(root.GetProperty("pure_loop_over_baseline").GetDouble() > 0);
        Assert.Equal(64, root.GetProperty("pure_loop_counters_sha256").GetString()!.Length);
    }

    [Fact]
    public void The_reference_workload_is_unchanged()
    {
        // Figures taken with a changed workload are not comparable with those recorded before.
        Assert.Equal(Commands.ReferenceWorkload.ExpectedChecksum, Commands.ReferenceWorkload.Run());
    }
}
