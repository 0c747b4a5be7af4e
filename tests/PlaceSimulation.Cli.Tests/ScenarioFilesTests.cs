using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Cli.Tests;

/// <summary>Every file in scenarios/ validates and runs end to end through the real CLI (with few households).</summary>
public sealed class ScenarioFilesTests
{
    private const int Households = 300;
    private static readonly string[] HeadlineMetrics = ["poverty_rate_ahc", "destitution_rate", "child_poverty_rate", "unmet_needs", "public_cost_gbp"];

    [Theory]
    [MemberData(nameof(Repository.ScenarioFiles), MemberType = typeof(Repository))]
    public async Task Every_shipped_scenario_is_valid(string file)
    {
        var result = await Placesim.RunAsync(Repository.Root, "validate", Path.Combine("scenarios", file));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.StdErr);
    }

    [Theory]
    [MemberData(nameof(Repository.ScenarioFiles), MemberType = typeof(Repository))]
    public async Task Every_shipped_scenario_runs_end_to_end_into_data_and_charts(string file)
    {
        using var temp = new TempFolder();
        var path = Path.Combine(Repository.ScenariosFolder, file);
        var spec = ScenarioLoader.Load(path).Spec;
        var output = temp["out"];

        var result = await Placesim.RunAsync(temp.Path, "run", path, "--households", $"{Households}", "--replications", "1", "--out", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["out"], temp.Entries());

        // timeseries.csv: the tidy header, and a row for every arm, place (and all), month and headline metric.
        var lines = File.ReadAllLines(Path.Combine(output, "timeseries.csv"));
        Assert.Equal("arm,replication,place,month,metric,value", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, r => Assert.Equal(6, r.Length));
        Assert.All(rows, r => Assert.True(r[5] == "NA" || double.TryParse(r[5], CultureInfo.InvariantCulture, out _), string.Join(',', r)));
        var keys = rows.Select(r => (Arm: r[0], Replication: r[1], Place: r[2], Month: r[3], Metric: r[4])).ToHashSet();
        Assert.Equal(rows.Count, keys.Count);
        var places = spec.Places.Select(p => p.Id).Append("all").ToArray();
        var first = new DateOnly(spec.Start.Year, spec.Start.Month, 1);
        var months = Enumerable.Range(0, spec.Months).Select(m => first.AddMonths(m).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToArray();
        var missing = (from arm in spec.Arms
                       from place in places
                       from month in months
                       from metric in HeadlineMetrics
                       where !keys.Contains((arm.Name, "1", place, month, metric))
                       select $"{arm.Name},1,{place},{month},{metric}").ToList();
        Assert.Empty(missing);
        Assert.Equal(spec.Arms.Select(a => a.Name).Order(), rows.Select(r => r[0]).Distinct().Order());
        Assert.Equal(places.Order(), rows.Select(r => r[2]).Distinct().Order());
        Assert.Equal(months, rows.Select(r => r[3]).Distinct().Order(StringComparer.Ordinal));

        // summary.json: every arm's poverty rate at the horizon.
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "summary.json")));
        foreach (var arm in spec.Arms)
        {
            var mean = summary.RootElement.GetProperty("arms").GetProperty(arm.Name).GetProperty("final").GetProperty("poverty_rate_ahc").GetProperty("mean");
            Assert.InRange(mean.GetDouble(), 0, 1);
        }

        // manifest.json: what was run, by which program, and how long it took.
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "manifest.json")));
        var m = manifest.RootElement;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), m.GetProperty("scenario_sha256").GetString());
        Assert.Equal(spec.Seed, m.GetProperty("seed").GetUInt64());
        Assert.Equal(1, m.GetProperty("replications").GetInt32());
        Assert.Equal(Households, m.GetProperty("households").GetInt64());
        Assert.Equal(spec.HouseholdsPerGrain, m.GetProperty("households_per_grain").GetInt32());
        Assert.Equal(1, m.GetProperty("silos").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(m.GetProperty("version").GetString()));
        Assert.True(m.GetProperty("wall_seconds").GetDouble() > 0);
        // Every lever of every arm, with the month it takes effect as written (2025-07).
        var levers = m.GetProperty("levers").EnumerateArray().Select(l => (l.GetProperty("arm").GetString()!, l.GetProperty("path").GetString()!, l.GetProperty("from").GetString()!)).ToList();
        Assert.Equal(spec.Arms.SelectMany(a => a.Changes.Select(c => (a.Name, c.Path, spec.Start.AddMonths(c.FromMonth).ToString()))).ToList(), levers);

        // charts/: the headline chart as PNG (1600x900) and SVG.
        var png = File.ReadAllBytes(Path.Combine(output, "charts", "poverty-rate-ahc.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal((1600, 900), (BigEndian(png, 16), BigEndian(png, 20)));
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(output, "charts", "poverty-rate-ahc.svg")));
    }

    private static int BigEndian(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
}
