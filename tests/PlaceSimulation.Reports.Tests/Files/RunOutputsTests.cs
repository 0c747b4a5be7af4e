using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PlaceSimulation.Reports.Files;
using PlaceSimulation.Reports.Offset;

namespace PlaceSimulation.Reports.Tests.Files;

/// <summary>The folders of two small real offset runs, written once for all the tests that read them.</summary>
public sealed class OffsetPacks : IDisposable
{
    private readonly ScratchFolder _scratch = new();
    private readonly Dictionary<string, (string Folder, WrittenRun Written, OffsetAnalysis Analysis)> _packs = new();

    public (string Folder, WrittenRun Written, OffsetAnalysis Analysis, JsonElement Summary) Get(string local)
    {
        lock (_packs)
        {
            if (!_packs.TryGetValue(local, out var pack))
            {
                var (scenario, table) = OffsetRuns.Run(local);
                var analysis = OffsetAnalysis.Of(table, scenario.Offset!);
                var info = new RunInfo("test", "0.0.0-test", "in process", 1, 1, DateTimeOffset.UnixEpoch, 1, 1);
                var folder = Path.Combine(_scratch.Path, _packs.Count.ToString(CultureInfo.InvariantCulture));
                pack = (folder, RunOutputs.Write(folder, scenario, table, analysis, "0.0.0-test", () => info), analysis);
                _packs[local] = pack;
            }
            var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(pack.Folder, "summary.json"))).RootElement;
            return (pack.Folder, pack.Written, pack.Analysis, summary);
        }
    }

    public void Dispose() => _scratch.Dispose();
}

/// <summary>The whole folder of an offset run, written from a small real run: files, summary block, charts, report.</summary>
public sealed class RunOutputsTests(OffsetPacks packs) : IClassFixture<OffsetPacks>
{
    private string _folder = "";

    private (WrittenRun Written, OffsetAnalysis Analysis, JsonElement Summary) Write(string local)
    {
        var (folder, written, analysis, summary) = packs.Get(local);
        _folder = folder;
        return (written, analysis, summary);
    }

    [Fact]
    public void The_summary_has_every_measure_of_every_required_metric_and_the_identity_holds_for_the_means()
    {
        var (_, _, summary) = Write(OffsetRuns.Working);
        var offset = summary.GetProperty("offset");
        foreach (var metric in new[] { "poverty_rate_ahc", "destitution_rate", "child_poverty_rate", "unmet_needs" })
        {
            var m = offset.GetProperty(metric);
            foreach (var measure in new[] { "local_effect", "national_effect", "interaction", "net", "offset_share" })
                foreach (var field in new[] { "mean", "lo", "hi" })
                    Assert.True(m.GetProperty(measure).TryGetProperty(field, out _), $"offset.{metric}.{measure}.{field} missing");
            Assert.True(m.GetProperty("offset_share").TryGetProperty("status", out _));
            Assert.True(m.GetProperty("offset_share").TryGetProperty("reason", out _));
            double Mean(string measure) => m.GetProperty(measure).GetProperty("mean").GetDouble();
            var scale = Math.Abs(Mean("national_effect")) + Math.Abs(Mean("local_effect")) + 1e-12;
            Assert.True(Math.Abs(Mean("local_effect") + Mean("national_effect") + Mean("interaction") - Mean("net")) <= 1e-8 * scale, metric);
        }
    }

    [Fact]
    public void An_undefined_share_is_null_in_the_summary_with_a_status_and_a_reason()
    {
        var (_, _, summary) = Write(OffsetRuns.DoesNothing);
        var share = summary.GetProperty("offset").GetProperty("poverty_rate_ahc").GetProperty("offset_share");
        Assert.Equal(JsonValueKind.Null, share.GetProperty("mean").ValueKind);
        Assert.Equal(JsonValueKind.Null, share.GetProperty("lo").ValueKind);
        Assert.Equal("undefined", share.GetProperty("status").GetString());
        Assert.Equal(OffsetShare.NoHelpfulLocalEffect, share.GetProperty("reason").GetString());
    }

    [Fact]
    public void Offset_csv_is_tidy_with_horizon_rows_equal_to_the_summary()
    {
        var (_, analysis, summary) = Write(OffsetRuns.Working);
        var lines = File.ReadAllLines(Path.Combine(_folder, "offset.csv"));
        Assert.Equal(OffsetCsv.Header, lines[0]);
        var row = lines.Single(l => l.StartsWith("all,poverty_rate_ahc,horizon,local_effect,", StringComparison.Ordinal)).Split(',');
        var mean = summary.GetProperty("offset").GetProperty("poverty_rate_ahc").GetProperty("local_effect").GetProperty("mean").GetDouble();
        Assert.Equal(mean, double.Parse(row[4], CultureInfo.InvariantCulture));
        var t = analysis.Table;
        // One row per place (and all), metric, month (and horizon) and measure.
        Assert.Equal(1 + t.Places * OffsetAnalysis.Metrics.Length * (t.Months + 1) * OffsetMeasures.All.Length, lines.Length);
        var reps = File.ReadAllLines(Path.Combine(_folder, "offset_replications.csv"));
        Assert.Equal(OffsetCsv.ReplicationsHeader, reps[0]);
    }

    [Fact]
    public void Every_chart_exists_at_its_stated_size_with_its_data_beside_it()
    {
        var (written, _, _) = Write(OffsetRuns.Working);
        Assert.True(written.Charts.Count >= 12, $"{written.Charts.Count} charts");
        foreach (var chart in written.Charts)
        {
            Assert.True(File.Exists(Path.Combine(_folder, chart.DataFile)), chart.DataFile);
            Assert.Equal(4, chart.Images.Count);
            foreach (var image in chart.Images)
            {
                var path = Path.Combine(_folder, image.File);
                var size = image.Format == "png" ? ChartFiles.PngSize(path) : ChartFiles.SvgSize(path);
                Assert.Equal((image.Width, image.Height), size);
            }
            Assert.Contains(chart.Images, i => (i.Width, i.Height) == (1600, 900));
            Assert.Contains(chart.Images, i => (i.Width, i.Height) == (1080, 1080));
        }
        foreach (var stem in new[] { "bridge-poverty-rate-ahc", "bridge-destitution-rate", "bridge-child-poverty-rate", "effects-over-time-poverty-rate-ahc", "poverty-rate-ahc",
                     "destitution-rate", "child-poverty-rate", "service-capacity", "service-waits", "unmet-needs-by-domain" })
            Assert.Contains(written.Charts, c => c.Stem == stem);
    }

    [Fact]
    public void The_manifest_lists_every_chart_with_its_title()
    {
        var (written, _, _) = Write(OffsetRuns.Working);
        var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_folder, "manifest.json"))).RootElement;
        var charts = manifest.GetProperty("charts").EnumerateArray().ToArray();
        Assert.Equal(written.Charts.Select(c => c.Title), charts.Select(c => c.GetProperty("title").GetString()));
    }

    [Fact]
    public void The_bridge_titles_numbers_are_the_summarys()
    {
        var (written, analysis, summary) = Write(OffsetRuns.Working);
        foreach (var metric in OffsetAnalysis.Headline)
        {
            var title = written.Charts.Single(c => c.Stem == "bridge-" + metric.Replace('_', '-')).Title;
            var share = summary.GetProperty("offset").GetProperty(metric).GetProperty("offset_share");
            if (share.GetProperty("status").GetString() == "defined")
            {
                var percent = Math.Round(share.GetProperty("mean").GetDouble() * 100, MidpointRounding.AwayFromZero);
                var inTitle = Regex.Matches(title, @"(-?\d+)%").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
                Assert.True(inTitle.Length > 0 || title.Contains("all of the local gain") || title.Contains("none of the local gain"), title);
                Assert.All(inTitle, n => Assert.Equal(percent, n));
            }
            else Assert.Contains("no offset can be measured", title);
            var net = summary.GetProperty("offset").GetProperty(metric).GetProperty("net").GetProperty("mean").GetDouble();
            var points = Regex.Match(title, @"(\d+\.\d+) percentage points");
            if (points.Success) Assert.Equal(Math.Round(Math.Abs(net) * 100, 2), double.Parse(points.Groups[1].Value, CultureInfo.InvariantCulture), 0.051);
        }
    }

    [Fact]
    public void Report_md_references_every_chart_and_says_it_is_not_a_forecast()
    {
        var (written, _, _) = Write(OffsetRuns.Working);
        var report = File.ReadAllText(Path.Combine(_folder, "report.md"));
        Assert.Contains("not a forecast", report);
        foreach (var chart in written.Charts)
        {
            Assert.Contains(chart.Title, report);
            Assert.Contains(chart.DataFile, report);
            foreach (var image in chart.Images) Assert.Contains($"({image.File})", report);
        }
    }

    [Fact]
    public void When_the_local_change_does_nothing_the_titles_and_report_say_no_offset_can_be_measured()
    {
        var (written, _, _) = Write(OffsetRuns.DoesNothing);
        var bridge = written.Charts.Single(c => c.Stem == "bridge-poverty-rate-ahc");
        Assert.Equal("The local change did not change poverty, so no offset can be measured", bridge.Title);
        var report = File.ReadAllText(Path.Combine(_folder, "report.md"));
        Assert.Contains("No offset share is given: " + OffsetShare.NoHelpfulLocalEffect, report);
    }
}
