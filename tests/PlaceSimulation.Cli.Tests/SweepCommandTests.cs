namespace PlaceSimulation.Cli.Tests;

/// <summary>placesim sweep end to end on the shipped sweep scenario, made small: the files, their columns, the charts and the report.</summary>
public sealed class SweepCommandTests
{
    private static readonly string Scenario = Path.Combine(Repository.ScenariosFolder, "sweep-destitution.yaml");
    private static readonly string[] Small = ["--samples", "8", "--households", "200", "--months", "12", "--replications", "1"];

    [Fact]
    public async Task A_small_sobol_sweep_writes_tidy_data_indices_charts_and_a_report()
    {
        using var temp = new TempFolder();
        var outDir = temp["sweep"];

        var result = await Placesim.RunAsync(Repository.Root, ["sweep", Scenario, .. Small, "--out", outDir]);

        Assert.True(result.ExitCode == 0, result.StdErr);
        var lines = await File.ReadAllLinesAsync(Path.Combine(outDir, "sweep.csv"));
        Assert.Equal("sample,arm,replication,national.sanctions.monthly_rate,behaviour.help_seeking_base,behaviour.trust_weight,national.benefits.uprating_annual,metric,value", lines[0]);
        // 8 base samples × (4 parameters + 2) points × 1 arm × 1 replication × 2 metrics.
        Assert.Equal(8 * 6 * 2, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Equal(9, l.Split(',').Length));
        var sensitivity = await File.ReadAllTextAsync(Path.Combine(outDir, "sensitivity.csv"));
        foreach (var index in new[] { "first_order", "total_order", "at_low", "at_base", "at_high" }) Assert.Contains($",{index},", sensitivity);
        foreach (var chart in new[] { "tornado", "fan", "sobol" })
        foreach (var metric in new[] { "destitution-rate", "poverty-rate-ahc" })
        foreach (var file in new[] { $"{chart}-{metric}.png", $"{chart}-{metric}.svg", $"{chart}-{metric}-square.png", $"{chart}-{metric}.csv" })
            Assert.True(File.Exists(Path.Combine(outDir, "charts", file)), $"charts/{file} is missing");
        var report = await File.ReadAllTextAsync(Path.Combine(outDir, "report.md"));
        Assert.Contains("## Which parameters matter most", report);
        Assert.Contains("`national.sanctions.monthly_rate`", report);
        Assert.True(File.Exists(Path.Combine(outDir, "sweep.parquet")));
        Assert.Contains("\"design\": \"sobol\"", await File.ReadAllTextAsync(Path.Combine(outDir, "sweep.json")));
        Assert.False(Directory.Exists(temp[".sweep.journal"]), "the journal goes once the outputs are written");
    }

    [Theory]
    [InlineData("national.sanctions.monthly_rate: { from: 0.01, to: 0.05 }", "national.sanctions.monthly_rate: { from: 0.01, to: 2 }", "sweep.vary.national.sanctions.monthly_rate.to")]
    [InlineData("behaviour.trust_weight: {", "behaviour.trust_weigth: {", "sweep.vary.behaviour.trust_weigth")]
    [InlineData("samples: 64", "samples: 3", "sweep.samples")]
    public async Task A_bad_sweep_block_exits_2_names_the_field_and_writes_nothing(string good, string bad, string field)
    {
        using var temp = new TempFolder();
        var text = (await File.ReadAllTextAsync(Scenario)).ReplaceLineEndings("\n");
        Assert.Contains(good, text);
        var file = temp.Write("bad-sweep.yaml", text.Replace(good, bad));

        var result = await Placesim.RunAsync(Repository.Root, ["sweep", file, "--out", temp["out"]]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(field, result.StdErr);
        Assert.Equal(["bad-sweep.yaml"], temp.Entries());
    }

    [Fact]
    public async Task A_scenario_without_a_sweep_block_is_refused()
    {
        using var temp = new TempFolder();
        var result = await Placesim.RunAsync(Repository.Root, ["sweep", Path.Combine(Repository.ScenariosFolder, "offset.yaml"), "--out", temp["out"]]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("has no sweep block", result.StdErr);
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public async Task Uncertainty_gives_the_offset_share_with_an_interval_over_the_parameters_ranges()
    {
        using var temp = new TempFolder();
        var outDir = temp["uncertainty"];

        var result = await Placesim.RunAsync(Repository.Root,
            ["uncertainty", Path.Combine(Repository.ScenariosFolder, "offset.yaml"), "--samples", "4", "--households", "300", "--replications", "2", "--out", outDir]);

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("of the local gain in people in poverty", result.StdOut);
        var lines = await File.ReadAllLinesAsync(Path.Combine(outDir, "uncertainty.csv"));
        Assert.StartsWith("sample,kind,", lines[0]);
        Assert.EndsWith(",metric,local_effect,national_effect,interaction,net,offset_share", lines[0]);
        // One sign convention: each measure is a change in the metric, so local + national + interaction = net on every row.
        foreach (var row in lines.Skip(1).Select(l => l.Split(',')))
        {
            double V(int fromEnd) => double.Parse(row[^fromEnd], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(V(5) + V(4) + V(3) - V(2)) <= 1e-9, string.Join(",", row));
        }
        // 4 design points and the model's own values, three headline metrics each.
        Assert.Equal((4 + 1) * 3, lines.Length - 1);
        Assert.Equal(3, lines.Count(l => l.Contains(",base,")));
        var json = await File.ReadAllTextAsync(Path.Combine(outDir, "uncertainty.json"));
        foreach (var metric in new[] { "poverty_rate_ahc", "destitution_rate", "child_poverty_rate" }) Assert.Contains($"\"{metric}\"", json);
        Assert.True(File.Exists(Path.Combine(outDir, "charts", "offset-share-uncertainty.png")));
        Assert.Contains("over parameter uncertainty", await File.ReadAllTextAsync(Path.Combine(outDir, "report.md")));
    }

    [Fact]
    public async Task Uncertainty_needs_an_offset_design()
    {
        using var temp = new TempFolder();
        var result = await Placesim.RunAsync(Repository.Root, ["uncertainty", Path.Combine(Repository.ScenariosFolder, "sanctions.yaml"), "--out", temp["out"]]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("has no offset design", result.StdErr);
        Assert.Empty(temp.Entries());
    }
}
