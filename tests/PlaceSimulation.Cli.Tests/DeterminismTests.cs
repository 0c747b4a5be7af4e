namespace PlaceSimulation.Cli.Tests;

/// <summary>The same scenario and seed give byte-identical data, however the households are grouped into grains.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public async Task A_run_repeated_and_with_any_households_per_grain_writes_byte_identical_timeseries()
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);
        (string Out, string[] Extra)[] runs =
        [
            ("first", []),
            ("again", []),
            ("per-grain-1", ["--households-per-grain", "1"]),
            ("per-grain-97", ["--households-per-grain", "97"]),
        ];

        // The four processes run at once: thread timing and a busy machine must not matter either.
        var results = await Task.WhenAll(runs.Select(r => Placesim.RunAsync(temp.Path, ["run", scenario, "--out", temp[r.Out], .. r.Extra])));

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
        var first = File.ReadAllBytes(Path.Combine(temp[runs[0].Out], "timeseries.csv"));
        Assert.True(first.Length > 1000);
        foreach (var (name, _) in runs.Skip(1))
            Assert.Equal(first, File.ReadAllBytes(Path.Combine(temp[name], "timeseries.csv")));
    }
}
