using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PlaceSimulation.Cli.Tests.Offset;

/// <summary>placesim offset and placesim run on an offset design, through the real CLI, small.</summary>
public sealed class OffsetCommandTests : IDisposable
{
    private readonly OutputScratch _scratch = new();
    public void Dispose() => _scratch.Dispose();

    /// <summary>The headline scenario, small: 300 households, 2 replications, 36 months (its last lever moves in month 34).</summary>
    private static readonly string[] Small = ["--households", "300", "--replications", "2", "--months", "36"];

    [Fact]
    public async Task Offset_writes_the_whole_pack_with_every_chart_at_its_stated_size()
    {
        var output = _scratch.Out("offset");
        var result = await PlacesimProcess.RunAsync(["offset", "scenarios/offset.yaml", "--out", output, .. Small]);
        Assert.True(result.ExitCode == 0, result.StdErr + result.StdOut);
        // The console's table names arms by their labels, with the id of timeseries.csv beside them.
        Assert.Contains("Both together (both)", result.StdOut);
        foreach (var file in new[] { "timeseries.csv", "summary.json", "manifest.json", "offset.csv", "offset_replications.csv", "report.md", "briefing.md" })
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        // The one-page briefing: the finding, three numbers, one chart, the assumptions, the command.
        var briefing = File.ReadAllText(Path.Combine(output, "briefing.md"));
        Assert.Contains("**The finding.**", briefing);
        Assert.Equal(3, briefing.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal) && !l.Contains("simulation", StringComparison.OrdinalIgnoreCase) && !l.Contains("Intervals") && !l.Contains("stylised")));
        Assert.Contains("](charts/bridge-", briefing);
        Assert.Contains("run scenarios/offset.yaml --seed", briefing);
        if (File.Exists(Path.Combine(output, "briefing.pdf")))
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(Path.Combine(output, "briefing.pdf")), 0, 4));

        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "manifest.json")));
        var charts = manifest.RootElement.GetProperty("charts").EnumerateArray().ToArray();
        Assert.True(charts.Length >= 12);
        var report = File.ReadAllText(Path.Combine(output, "report.md"));
        foreach (var chart in charts)
        {
            Assert.True(File.Exists(Path.Combine(output, chart.GetProperty("data").GetString()!)));
            foreach (var image in chart.GetProperty("images").EnumerateArray())
            {
                var file = image.GetProperty("file").GetString()!;
                var path = Path.Combine(output, file);
                Assert.True(File.Exists(path), file);
                if (image.GetProperty("format").GetString() == "png")
                    Assert.Equal((image.GetProperty("width").GetInt32(), image.GetProperty("height").GetInt32()), PlacesimProcess.PngSize(path));
                Assert.Contains($"({file})", report);
            }
            // Alt text beside every chart: what it shows and its finding, with numbers.
            var alt = File.ReadAllText(Path.Combine(output, "charts", chart.GetProperty("name").GetString() + ".txt"));
            Assert.StartsWith("Chart: ", alt);
            Assert.Contains(chart.GetProperty("title").GetString()!, alt);
            Assert.Matches("[0-9]", alt);
        }
        Assert.DoesNotContain("too small to tell from chance less", report);
        Assert.DoesNotContain("too small to tell from chance more", report);
        var pngs = Directory.GetFiles(Path.Combine(output, "charts"), "*.png").Select(p => PlacesimProcess.PngSize(p)).ToArray();
        Assert.Equal(pngs.Length / 2, pngs.Count(s => s == (1600, 900)));
        Assert.Equal(pngs.Length / 2, pngs.Count(s => s == (1080, 1080)));
    }

    [Fact]
    public async Task Run_on_a_scenario_with_an_offset_design_writes_the_offset_outputs_too()
    {
        var output = _scratch.Out("run");
        var result = await PlacesimProcess.RunAsync(["run", "scenarios/offset.yaml", "--out", output, .. Small]);
        Assert.True(result.ExitCode == 0, result.StdErr + result.StdOut);
        Assert.True(File.Exists(Path.Combine(output, "offset.csv")));
        Assert.True(File.Exists(Path.Combine(output, "charts", "bridge-poverty-rate-ahc.png")));
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "summary.json")));
        Assert.True(summary.RootElement.GetProperty("offset").TryGetProperty("poverty_rate_ahc", out _));

        // The identity holds per replication in the files: local_effect + national_effect + interaction = net.
        var rows = File.ReadLines(Path.Combine(output, "offset_replications.csv")).Skip(1).Select(l => l.Split(','))
            .GroupBy(f => (f[0], f[1], f[2], f[3]));
        var groups = 0;
        foreach (var g in rows)
        {
            var v = g.ToDictionary(f => f[4], f => double.Parse(f[5], CultureInfo.InvariantCulture));
            var scale = v.Values.Max(Math.Abs) + 1e-12;
            Assert.True(Math.Abs(v["local_effect"] + v["national_effect"] + v["interaction"] - v["net"]) <= 1e-8 * scale, g.Key.ToString());
            groups++;
        }
        Assert.True(groups > 100);

        // The bridge's title is the summary's finding, number for number.
        var title = manifestTitle(output, "bridge-poverty-rate-ahc");
        var share = summary.RootElement.GetProperty("offset").GetProperty("poverty_rate_ahc").GetProperty("offset_share");
        if (share.GetProperty("status").GetString() == "defined")
        {
            var expected = Math.Round(share.GetProperty("mean").GetDouble() * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%";
            Assert.True(title.Contains(expected) || title.Contains("all of the local gain") || title.Contains("none of the local gain"), $"{title} / {expected}");
        }
        else Assert.Contains("no offset can be measured", title);
        Assert.Contains(title, File.ReadAllText(Path.Combine(output, "report.md")));

        // One sign convention everywhere (docs/OFFSET.md): every measure is a change in the metric, positive = higher.
        var sign = summary.RootElement.GetProperty("offset_design").GetProperty("sign").GetString()!;
        Assert.Contains("positive = the metric is higher", sign);
        var reportText = File.ReadAllText(Path.Combine(output, "report.md"));
        var offsetCsv = File.ReadAllLines(Path.Combine(output, "offset.csv"));
        double Mean(string metric, string measure) => double.Parse(
            offsetCsv.Single(l => l.StartsWith($"all,{metric},horizon,{measure},", StringComparison.Ordinal)).Split(',')[4], CultureInfo.InvariantCulture);
        double Level(string metric, string arm) => summary.RootElement.GetProperty("offset").GetProperty(metric).GetProperty("levels").GetProperty(arm).GetProperty("mean").GetDouble();
        foreach (var metric in new[] { "poverty_rate_ahc", "unmet_needs" })
        {
            Assert.Equal(Level(metric, "local") - Level(metric, "neither"), Mean(metric, "local_effect"), 9);
            Assert.Equal(Level(metric, "national") - Level(metric, "neither"), Mean(metric, "national_effect"), 9);
            Assert.Equal(Level(metric, "both") - Level(metric, "neither"), Mean(metric, "net"), 9);
            Assert.Equal(Mean(metric, "net"), Mean(metric, "local_effect") + Mean(metric, "national_effect") + Mean(metric, "interaction"), 9);
        }
        // Unmet needs (lower is better): the local change's services meet needs, so it helps even in this small run, and its local effect is negative.
        var unmet = PlaceSimulation.Model.Metrics.MetricCatalogue.ByName["unmet_needs"];
        Assert.True(unmet.LowerIsBetter);
        var local = Mean("unmet_needs", "local_effect");
        Assert.True(local < 0, $"the local change should leave fewer needs unmet: local_effect {local}");
        var shown = PlaceSimulation.Reports.Findings.Words.SignedShort(unmet, local);
        Assert.StartsWith("−", shown);
        // The console's table and report.md show the same signed value as offset.csv, and the words say which way it moved.
        Assert.Contains(shown, result.StdOut);
        Assert.Contains($"On its own the local change lowers unmet needs by {PlaceSimulation.Reports.Findings.Words.Amount(unmet, local)} ({shown})", reportText);
        // Poverty, whichever way the small run moves it: report.md and the bridge's step carry offset.csv's signed local effect.
        var poverty = PlaceSimulation.Model.Metrics.MetricCatalogue.ByName["poverty_rate_ahc"];
        Assert.Contains($"({PlaceSimulation.Reports.Findings.Words.SignedShort(poverty, Mean("poverty_rate_ahc", "local_effect"))}; 90% interval", reportText);
        var bridge = File.ReadLines(Path.Combine(output, "charts", "bridge-poverty-rate-ahc.csv")).Single(l => l.Contains(",local_effect,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(Mean("poverty_rate_ahc", "local_effect"), double.Parse(bridge[4], CultureInfo.InvariantCulture) - double.Parse(bridge[3], CultureInfo.InvariantCulture), 9);
    }

    private static string manifestTitle(string output, string name)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "manifest.json")));
        return manifest.RootElement.GetProperty("charts").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name).GetProperty("title").GetString()!;
    }

    [Fact]
    public async Task Offset_on_a_scenario_without_a_design_is_bad_input_and_writes_nothing()
    {
        var output = _scratch.Out("none");
        var result = await PlacesimProcess.RunAsync("offset", "scenarios/sanctions.yaml", "--out", output);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no offset design", result.StdErr);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Local_without_national_is_bad_input()
    {
        var result = await PlacesimProcess.RunAsync("offset", "scenarios/offset.yaml", "--local", "local-change", "--out", _scratch.Out("x"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--local and --national go together", result.StdErr);
    }

    [Fact]
    public async Task A_local_change_that_does_nothing_is_reported_as_no_measurable_offset()
    {
        // --local/--national make the design from the file's policies; this local policy sets a lever to the value it has.
        var file = _scratch.File("nothing.yaml", """
            name: nothing-local
            title: A local change that changes nothing
            question: What if the local change does nothing?
            start: 2025-04
            months: 12
            seed: 3
            replications: 2
            households: 300
            places:
              - id: north
                preset: like-middlesbrough
            policies:
              nothing:
                description: sets a lever to the value it already has
                changes:
                  - from: 2025-06
                    scale:
                      local.advice.budget_gbp_month_per_1000: 1
              cuts:
                description: a benefit freeze and harsher sanctions
                changes:
                  - from: 2025-06
                    set:
                      national.benefits.uprating_annual: 0
                    scale:
                      national.sanctions.monthly_rate: 2
            arms:
              base: []
            """);
        var output = _scratch.Out("nothing");
        var result = await PlacesimProcess.RunAsync("offset", file, "--local", "nothing", "--national", "cuts", "--out", output);
        Assert.True(result.ExitCode == 0, result.StdErr + result.StdOut);
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "summary.json")));
        var poverty = summary.RootElement.GetProperty("offset").GetProperty("poverty_rate_ahc");
        Assert.Equal(0, poverty.GetProperty("local_effect").GetProperty("mean").GetDouble());
        var share = poverty.GetProperty("offset_share");
        Assert.Equal(JsonValueKind.Null, share.GetProperty("mean").ValueKind);
        Assert.Equal("undefined", share.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(share.GetProperty("reason").GetString()));
        Assert.Equal("The local change did not change poverty, so no offset can be measured", manifestTitle(output, "bridge-poverty-rate-ahc"));
        var csv = File.ReadAllLines(Path.Combine(output, "offset.csv"));
        var row = csv.Single(l => l.StartsWith("all,poverty_rate_ahc,horizon,offset_share,", StringComparison.Ordinal));
        Assert.Matches(new Regex("^all,poverty_rate_ahc,horizon,offset_share,NA,NA,NA,undefined,"), row);
    }
}
