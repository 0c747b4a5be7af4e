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
    public async Task A_run_into_an_earlier_output_replaces_it_whole_and_clears_stale_staging_folders()
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);
        var output = temp["results"];
        string[] args = ["run", scenario, "--out", output, "--households", "100", "--replications", "1"];
        var first = await Placesim.RunAsync(temp.Path, args);
        Assert.True(first.ExitCode == 0, first.ToString());
        var firstManifest = File.ReadAllText(Path.Combine(output, "manifest.json"));
        // What a run killed while writing leaves: a staging folder whose process has ended (and one of a live process, kept).
        var dead = temp[$".results.tmp-{int.MaxValue - 1}-0123"];
        var live = temp[$".results.tmp-{Environment.ProcessId}-4567"];
        Directory.CreateDirectory(Path.Combine(dead, "charts"));
        File.WriteAllText(Path.Combine(dead, "timeseries.csv"), "half a file");
        Directory.CreateDirectory(live);

        var second = await Placesim.RunAsync(temp.Path, [.. args, "--seed", "7"]);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal([Path.GetFileName(live), "results", "small.yaml"], temp.Entries());
        Assert.False(Directory.Exists(dead));
        // briefing.pdf is written where the DejaVu Sans font is installed (README).
        Assert.Equal(["briefing.md", "charts", "manifest.json", "report.md", "summary.json", "timeseries.csv", "timeseries.parquet"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName).Where(f => f != "briefing.pdf").Order(StringComparer.Ordinal));
        Assert.Contains("scenario_sha256", File.ReadAllText(Path.Combine(output, "manifest.json")));
        Assert.NotEqual(firstManifest, File.ReadAllText(Path.Combine(output, "manifest.json")));
    }

    [Fact]
    public void A_folder_with_a_foreign_manifest_or_anything_beside_a_placesim_output_is_not_replaced()
    {
        using var temp = new TempFolder();
        // The attacker's or careless user's folder: code, notes and a manifest.json of another program.
        var project = temp["project"];
        Directory.CreateDirectory(Path.Combine(project, "src"));
        File.WriteAllText(Path.Combine(project, "src", "main.c"), "int main() { return 0; }");
        File.WriteAllText(Path.Combine(project, "NOTES.md"), "notes");
        File.WriteAllText(Path.Combine(project, "manifest.json"), """{"name": "my-app", "files": ["src/main.c", "NOTES.md"]}""");
        Assert.Contains("its manifest.json was not written by placesim", Reports.Files.OutputFolder.Problem(project));
        Assert.Throws<IOException>(() => Reports.Files.OutputFolder.Begin(project));
        Assert.True(File.Exists(Path.Combine(project, "src", "main.c")));

        // A real placesim manifest, but the folder holds something it does not list.
        var output = temp["output"];
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "manifest.json"), """{"program": "placesim", "files": ["timeseries.csv", "manifest.json"]}""");
        File.WriteAllText(Path.Combine(output, "timeseries.csv"), "a,b");
        Assert.Null(Reports.Files.OutputFolder.Problem(output));
        File.WriteAllText(Path.Combine(output, "NOTES.md"), "my notes on the run");
        Assert.Contains("it holds NOTES.md, which its manifest does not list", Reports.Files.OutputFolder.Problem(output));
        File.Delete(Path.Combine(output, "NOTES.md"));
        Directory.CreateDirectory(Path.Combine(output, "src"));
        Assert.Contains("src/", Reports.Files.OutputFolder.Problem(output));
    }

    [Fact]
    public void An_earlier_output_moved_aside_by_a_commit_that_was_killed_is_put_back()
    {
        using var temp = new TempFolder();
        var moved = temp["results.old-0123"];
        Directory.CreateDirectory(moved);
        File.WriteAllText(Path.Combine(moved, "manifest.json"), """{"program": "placesim", "files": []}""");

        Reports.Files.OutputFolder.CleanUp(temp["results"]);

        Assert.Equal(["results"], temp.Entries());
        Assert.True(File.Exists(temp["results/manifest.json"]));
    }
}
