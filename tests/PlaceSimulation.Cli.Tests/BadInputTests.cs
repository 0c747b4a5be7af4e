namespace PlaceSimulation.Cli.Tests;

/// <summary>
/// Bad input is refused before anything runs: exit code 2, every problem on standard error
/// with the file, line, column and field (or the option), and nothing written.
/// </summary>
public sealed class BadInputTests
{
    /// <summary>One kind of bad input: how to spoil the small scenario, extra arguments, and what the error must say.</summary>
    private sealed record Case(Func<string, string>? Spoil, string[] Args, string Field, string? Line, string? At);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // Field, then the text of the line the error is on and the text it points at (for line and column).
        ["misspelt-lever"] = new(y => y.Replace("national.sanctions.monthly_rate", "national.sanctons.monthly_rate"), [],
            "policies.harsher-sanctions.changes[0].scale.national.sanctons.monthly_rate", "national.sanctons.monthly_rate: 2", "national.sanctons"),
        ["unknown-top-level-key"] = new(y => y.Replace("seed: 5\n", "seed: 5\ncolour: blue\n"), [], "colour", "colour: blue", "colour"),
        ["wrong-type"] = new(y => y.Replace("months: 12", "months: \"two\""), [], "months", "months: \"two\"", "\"two\""),
        ["households-zero-in-file"] = new(y => y.Replace("households: 500", "households: 0"), [], "households", "households: 0", "0"),
        ["lever-outside-the-horizon"] = new(y => y.Replace("from: 2025-07", "from: 2026-04"), [],
            "policies.harsher-sanctions.changes[0].from", "from: 2026-04", "2026-04"),
        ["households-zero-option"] = new(y => y, ["--households", "0"], "--households", null, null),
        ["households-negative-option"] = new(y => y, ["--households", "-5"], "--households", null, null),
        ["missing-file"] = new(null, [], "(file)", null, null),
    };

    [Theory]
    [InlineData("misspelt-lever")]
    [InlineData("unknown-top-level-key")]
    [InlineData("wrong-type")]
    [InlineData("households-zero-in-file")]
    [InlineData("lever-outside-the-horizon")]
    [InlineData("households-zero-option")]
    [InlineData("households-negative-option")]
    [InlineData("missing-file")]
    public async Task Bad_input_exits_with_2_names_where_and_what_and_writes_nothing(string name)
    {
        var c = Cases[name];
        using var temp = new TempFolder();
        var template = SmallScenario.Yaml.ReplaceLineEndings("\n");
        var yaml = c.Spoil?.Invoke(template);
        if (c.Line is not null) Assert.NotEqual(template, yaml);
        var scenario = yaml is null ? temp["bad.yaml"] : temp.Write("bad.yaml", yaml);
        var before = temp.Entries();

        var result = await Placesim.RunAsync(temp.Path, ["run", scenario, "--out", temp["out"], .. c.Args]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(Expected(scenario, yaml, c), result.StdErr);
        Assert.Contains("nothing was run", result.StdErr);
        Assert.False(Directory.Exists(temp["out"]));
        Assert.Equal(before, temp.Entries());
    }

    [Fact]
    public async Task Validate_reports_every_problem_of_a_file_at_once()
    {
        using var temp = new TempFolder();
        // Not the wrong type for months: without the months the horizon is unknown, so the late lever could not be checked.
        string[] names = ["misspelt-lever", "unknown-top-level-key", "households-zero-in-file", "lever-outside-the-horizon"];
        var yaml = names.Aggregate(SmallScenario.Yaml.ReplaceLineEndings("\n"), (y, n) => Cases[n].Spoil!(y));
        var scenario = temp.Write("bad.yaml", yaml);

        var result = await Placesim.RunAsync(temp.Path, "validate", scenario);

        Assert.True(result.ExitCode == 2, result.ToString());
        foreach (var n in names)
            Assert.Contains(Expected(scenario, yaml, Cases[n]), result.StdErr);
        Assert.Contains($"{names.Length} problems: nothing was run", result.StdErr);
        Assert.Equal(["bad.yaml"], temp.Entries());
    }

    /// <summary>"file:line:column: field: " for a problem in the file; the option or the file's name otherwise.</summary>
    private static string Expected(string scenario, string? yaml, Case c)
    {
        if (c.Line is null) return c.Field.StartsWith("--") ? $"command line: {c.Field}: " : $"{scenario}: {c.Field}: ";
        var lines = yaml!.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(c.Line));
        Assert.True(line >= 0, $"the spoiled scenario has no line '{c.Line}'");
        var column = lines[line].IndexOf(c.At!, lines[line].IndexOf(c.Line, StringComparison.Ordinal), StringComparison.Ordinal);
        return $"{scenario}:{line + 1}:{column + 1}: {c.Field}: ";
    }
}
