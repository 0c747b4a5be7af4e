using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Model.Tests.Scenarios;

/// <summary>Bad input gets a clear error naming the file, the line and the field, before anything runs.</summary>
public class ScenarioValidationTests
{
    private static ScenarioError Single(string yaml, ScenarioOverrides? o = null)
    {
        var ex = Assert.Throws<ScenarioException>(() => TestWorld.Scenario(yaml, o));
        return Assert.Single(ex.Errors);
    }

    private const string Lever = """
          cut:
            description: a cut
            changes:
              - from: 2025-06
                set:
                  national.sanctions.monthly_rate: 0.05
        """;

    [Fact]
    public void A_valid_scenario_compiles()
    {
        var s = TestWorld.Scenario(TestWorld.Yaml(policies: Lever, arms: "  base: []\n  cut: [cut]"));
        Assert.Equal(2, s.Spec.Arms.Count);
        var change = Assert.Single(s.Spec.Arms[1].Changes);
        Assert.Equal(2, change.FromMonth);
    }

    [Fact]
    public void A_misspelt_lever_is_named_with_a_suggestion()
    {
        var e = Single(TestWorld.Yaml(policies: Lever.Replace("monthly_rate", "monthly_rat"), arms: "  cut: [cut]"));
        Assert.Equal("test.yaml", e.File);
        Assert.Equal(18, e.Line);
        Assert.Equal("policies.cut.changes[0].set.national.sanctions.monthly_rat", e.Field);
        Assert.Contains("did you mean 'national.sanctions.monthly_rate'", e.Message);
    }

    [Fact]
    public void An_unknown_top_level_key_is_refused()
    {
        var e = Single(TestWorld.Yaml().Replace("seed: 42", "seeds: 42"));
        Assert.Equal("seeds", e.Field);
        Assert.Equal(6, e.Line);
        Assert.Contains("did you mean 'seed'", e.Message);
    }

    [Fact]
    public void A_wrong_type_is_refused()
    {
        var e = Single(TestWorld.Yaml().Replace("months: 24", "months: two years"));
        Assert.Equal("months", e.Field);
        Assert.Contains("whole number", e.Message);
    }

    [Theory]
    [InlineData("households: 0")]
    [InlineData("households: -5")]
    public void A_zero_or_negative_household_count_is_refused(string line)
    {
        var e = Single(TestWorld.Yaml().Replace("households: 2000", line));
        Assert.Equal("households", e.Field);
        Assert.Contains("out of range", e.Message);
    }

    [Fact]
    public void A_negative_household_count_on_the_command_line_is_refused()
    {
        var ex = Assert.Throws<ScenarioException>(() => TestWorld.Scenario(TestWorld.Yaml(), new ScenarioOverrides(Households: -1)));
        var e = Assert.Single(ex.Errors);
        Assert.Equal("--households", e.Field);
        Assert.Equal("command line", e.File);
    }

    [Fact]
    public void A_lever_dated_outside_the_horizon_is_refused()
    {
        var e = Single(TestWorld.Yaml(policies: Lever.Replace("2025-06", "2031-01"), arms: "  cut: [cut]"));
        Assert.Equal("policies.cut.changes[0].from", e.Field);
        Assert.Contains("outside the run", e.Message);
        Assert.Contains("2025-04 to 2027-03", e.Message);
    }

    [Fact]
    public void An_impossible_lever_value_is_refused()
    {
        var e = Single(TestWorld.Yaml(policies: Lever.Replace("0.05", "1.5"), arms: "  cut: [cut]"));
        Assert.Contains("out of range", e.Message);
    }

    [Fact]
    public void An_unknown_preset_policy_or_place_is_refused()
    {
        Assert.Contains("unknown preset", Single(TestWorld.Yaml(preset: "like-gotham")).Message);
        Assert.Contains("unknown policy", Single(TestWorld.Yaml(arms: "  cut: [nothing]")).Message);
        Assert.Contains("unknown place", Single(TestWorld.Yaml(policies: Lever.Replace("- from: 2025-06", "- from: 2025-06\n        place: elsewhere"), arms: "  cut: [cut]")).Message);
    }

    [Fact]
    public void A_missing_file_is_refused_by_name()
    {
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load("no/such/scenario.yaml"));
        Assert.Equal("no/such/scenario.yaml", Assert.Single(ex.Errors).File);
    }

    [Fact]
    public void Broken_yaml_is_refused_with_its_line()
    {
        var e = Single("name: x\ntitle: [unclosed\n");
        Assert.Equal("(syntax)", e.Field);
        Assert.True(e.Line >= 2);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var yaml = TestWorld.Yaml().Replace("months: 24", "months: 0").Replace("seed: 42", "seed: x").Replace("households: 2000", "households: 0");
        var ex = Assert.Throws<ScenarioException>(() => TestWorld.Scenario(yaml));
        Assert.Equal(3, ex.Errors.Count);
    }

    [Fact]
    public void Households_are_shared_among_places_in_proportion_to_their_shares()
    {
        Assert.Equal([334, 333, 333], ScenarioLoader.Split(1000, [1, 1, 1]));
        Assert.Equal([750, 250], ScenarioLoader.Split(1000, [3, 1]));
        Assert.Equal([1, 1], ScenarioLoader.Split(2, [1000, 1]));
    }
}
