namespace PlaceSimulation.Cli.Tests;

/// <summary>
/// Golden output (STYLE.md): the whole timeseries.csv of a tiny run, written by the real
/// CLI, must equal the committed file byte for byte. It catches any change to a number or to
/// the format that no other test pins. Regenerate it only on purpose, with
/// PLACESIM_UPDATE_GOLDEN=1, and say why in the commit.
/// </summary>
public class GoldenOutputTests
{
    private static string Golden(string name) => Path.Combine(Repository.Root, "tests", "PlaceSimulation.Cli.Tests", "Golden", name);

    [Fact]
    public async Task The_tiny_scenario_writes_exactly_the_golden_timeseries()
    {
        using var temp = new TempFolder();
        var output = temp["out"];
        var result = await Placesim.RunAsync(temp.Path, "run", Golden("tiny.yaml"), "--out", output);
        Assert.True(result.ExitCode == 0, result.ToString());
        var written = await File.ReadAllBytesAsync(Path.Combine(output, "timeseries.csv"));

        var expectedPath = Golden("tiny-timeseries.csv");
        if (Environment.GetEnvironmentVariable("PLACESIM_UPDATE_GOLDEN") == "1")
            await File.WriteAllBytesAsync(expectedPath, written);
        Assert.True(File.Exists(expectedPath), $"no golden file {expectedPath}: run once with PLACESIM_UPDATE_GOLDEN=1");
        var expected = await File.ReadAllBytesAsync(expectedPath);
        if (!expected.AsSpan().SequenceEqual(written))
        {
            var e = System.Text.Encoding.UTF8.GetString(expected).Split('\n');
            var w = System.Text.Encoding.UTF8.GetString(written).Split('\n');
            var first = Enumerable.Range(0, Math.Min(e.Length, w.Length)).FirstOrDefault(i => e[i] != w[i], Math.Min(e.Length, w.Length));
            Assert.Fail($"timeseries.csv differs from the golden file at line {first + 1}:\n  golden:  {(first < e.Length ? e[first] : "(end)")}\n  written: {(first < w.Length ? w[first] : "(end)")}");
        }
    }
}
