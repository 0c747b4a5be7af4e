using System.Text.Json;

namespace PlaceSimulation.Cli.Tests.Offset;

/// <summary>placesim compare through the real CLI, small.</summary>
public sealed class CompareCommandTests : IDisposable
{
    private readonly OutputScratch _scratch = new();
    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Compare_runs_each_scenario_in_full_and_writes_them_side_by_side()
    {
        var output = _scratch.Out("compare");
        var result = await PlacesimProcess.RunAsync("compare", "scenarios/offset.yaml", "scenarios/sanctions.yaml", "scenarios/sanctions.yaml",
            "--households", "300", "--replications", "2", "--months", "36", "--out", output);
        Assert.True(result.ExitCode == 0, result.StdErr + result.StdOut);
        // Piped: progress ends at 100% and lines are whole (not wrapped at 80 columns).
        Assert.Contains(": 100%", result.StdOut);
        Assert.Contains(result.StdOut.Split('\n'), l => l.StartsWith("Wrote ", StringComparison.Ordinal) && l.Contains("a folder per scenario"));

        // Each scenario in full, in its own folder; a name used twice gets a suffix.
        foreach (var name in new[] { "offset", "sanctions", "sanctions-2" })
        {
            Assert.True(File.Exists(Path.Combine(output, name, "summary.json")), name);
            Assert.True(File.Exists(Path.Combine(output, name, "report.md")), name);
        }
        Assert.True(File.Exists(Path.Combine(output, "offset", "offset.csv")));

        var lines = File.ReadAllLines(Path.Combine(output, "compare.csv"));
        Assert.Equal("scenario,arm,reference_arm,metric,month,month_index,mean,lo,hi,difference,difference_lo,difference_hi", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("sanctions,harsher,current,poverty_rate_ahc,horizon,35,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("offset,both,neither,destitution_rate,horizon,35,", StringComparison.Ordinal));
        // The reference arm differs from itself by exactly nothing.
        Assert.Contains(lines, l => l.StartsWith("sanctions,current,current,poverty_rate_ahc,horizon,35,", StringComparison.Ordinal) && l.EndsWith(",0,0,0", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(output, "compare_offset.csv")));

        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "manifest.json")));
        Assert.Equal(3, manifest.RootElement.GetProperty("scenarios").GetArrayLength());
        // The command as typed (not the .dll's path), the checkout's commit and the parameters' hash.
        Assert.StartsWith("placesim compare scenarios/offset.yaml scenarios/sanctions.yaml", manifest.RootElement.GetProperty("command").GetString());
        Assert.Matches("^([0-9a-f]{40}(\\+modified)?|not a git checkout)$", manifest.RootElement.GetProperty("git_commit").GetString()!);
        Assert.Matches("^[0-9a-f]{64}$", manifest.RootElement.GetProperty("parameters_sha256").GetString()!);
        // The scenarios differ in places, so no title ranks an arm of one against an arm of another.
        foreach (var c in manifest.RootElement.GetProperty("charts").EnumerateArray().Where(c => c.GetProperty("name").GetString()!.StartsWith("effect-", StringComparison.Ordinal)))
            Assert.Matches("(each scenario's own|its own scenario's) reference arm", c.GetProperty("title").GetString()!);
        // Legends and rows use labels, never raw arm ids.
        var csv = File.ReadAllText(Path.Combine(output, "sanctions", "charts", "destitution-rate.csv"));
        Assert.Contains(",Harsher sanctions,", csv);
        var report = File.ReadAllText(Path.Combine(output, "report.md"));
        var charts = manifest.RootElement.GetProperty("charts").EnumerateArray().ToArray();
        Assert.Contains(charts, c => c.GetProperty("name").GetString() == "horizon-poverty-rate-ahc");
        Assert.Contains(charts, c => c.GetProperty("name").GetString() == "effect-poverty-rate-ahc");
        Assert.Contains(charts, c => c.GetProperty("name").GetString() == "offset-share-by-scenario");
        foreach (var chart in charts)
            foreach (var image in chart.GetProperty("images").EnumerateArray())
            {
                var file = image.GetProperty("file").GetString()!;
                Assert.True(File.Exists(Path.Combine(output, file)), file);
                if (image.GetProperty("format").GetString() == "png")
                    Assert.Equal((image.GetProperty("width").GetInt32(), image.GetProperty("height").GetInt32()), PlacesimProcess.PngSize(Path.Combine(output, file)));
                Assert.Contains($"({file})", report);
            }
    }

    [Fact]
    public async Task Compare_refuses_a_single_file_and_says_what_to_run_instead()
    {
        var output = _scratch.Out("compare-one");
        var result = await PlacesimProcess.RunAsync("compare", "scenarios/sanctions.yaml", "--totals-only", "--out", output);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("at least two scenario files", result.StdErr);
        Assert.Contains("placesim run scenarios/sanctions.yaml", result.StdErr);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task An_option_that_is_not_a_number_is_explained_in_words()
    {
        var result = await PlacesimProcess.RunAsync("run", "scenarios/sanctions.yaml", "--seed", "abc");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--seed abc: expected a whole number", result.StdErr);
        Assert.DoesNotContain("System.", result.StdErr);
    }

    [Fact]
    public async Task A_bad_file_among_several_stops_everything_before_anything_runs()
    {
        var bad = _scratch.File("bad.yaml", "name: bad\ntitle: Bad\n");
        var output = _scratch.Out("compare-bad");
        var result = await PlacesimProcess.RunAsync("compare", "scenarios/sanctions.yaml", bad, "--out", output);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bad.yaml", result.StdErr);
        Assert.False(Directory.Exists(output));
    }
}
