namespace PlaceSimulation.Cli.Tests;

/// <summary>placesim never overwrites a folder that is not an earlier placesim output.</summary>
public sealed class OutputFolderTests
{
    [Fact]
    public async Task A_run_into_a_folder_of_other_files_is_refused_and_leaves_it_untouched()
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);
        var output = temp["results"];
        Directory.CreateDirectory(Path.Combine(output, "notes"));
        File.WriteAllText(Path.Combine(output, "thesis.txt"), "chapter 1");
        File.WriteAllText(Path.Combine(output, "notes", "todo.txt"), "read the scenario");

        var result = await Placesim.RunAsync(temp.Path, "run", scenario, "--out", output);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(output, result.StdErr);
        Assert.Contains("manifest.json", result.StdErr);
        Assert.Equal(["results", "small.yaml"], temp.Entries());
        Assert.Equal(["notes", "thesis.txt"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("chapter 1", File.ReadAllText(Path.Combine(output, "thesis.txt")));
        Assert.Equal(["todo.txt"], Directory.EnumerateFileSystemEntries(Path.Combine(output, "notes")).Select(Path.GetFileName));
        Assert.Equal("read the scenario", File.ReadAllText(Path.Combine(output, "notes", "todo.txt")));
    }

    [Fact]
    public async Task A_run_into_an_earlier_output_replaces_it_whole()
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);
        var output = temp["results"];
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "manifest.json"), "{}");
        File.WriteAllText(Path.Combine(output, "stale.csv"), "from an earlier run");

        var result = await Placesim.RunAsync(temp.Path, "run", scenario, "--out", output, "--households", "100", "--replications", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["results", "small.yaml"], temp.Entries());
        // briefing.pdf is written where the DejaVu Sans font is installed (README).
        Assert.Equal(["briefing.md", "charts", "manifest.json", "report.md", "summary.json", "timeseries.csv", "timeseries.parquet"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName).Where(f => f != "briefing.pdf").Order(StringComparer.Ordinal));
        Assert.Contains("scenario_sha256", File.ReadAllText(Path.Combine(output, "manifest.json")));
    }
}
