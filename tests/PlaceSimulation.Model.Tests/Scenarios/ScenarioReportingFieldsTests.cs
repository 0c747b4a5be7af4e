using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Model.Tests.Scenarios;

/// <summary>reference:, headline: and arm labels: what a scenario's report leads with and what its charts call the arms.</summary>
public class ScenarioReportingFieldsTests
{
    private const string Lever = """
          harsher-sanctions:
            description: a cut
            changes:
              - from: 2025-06
                set:
                  national.sanctions.monthly_rate: 0.05
        """;

    private static string Yaml(string top, string arms) =>
        TestWorld.Yaml(policies: Lever, arms: arms).Replace("arms:\n", top + "arms:\n");

    [Fact]
    public void Reference_headline_and_labels_are_read()
    {
        var s = TestWorld.Scenario(Yaml("reference: now\nheadline: [destitution_rate, food_parcels]\n",
            "  harsher:\n    label: Harsher sanctions\n    policies: [harsher-sanctions]\n  now:\n    label: Sanctions as now\n    policies: []"));
        Assert.Equal("now", s.Reference);
        Assert.Equal(1, s.ReferenceIndex);
        Assert.Equal(["destitution_rate", "food_parcels"], s.Headline);
        Assert.Equal("Harsher sanctions", s.ArmLabel("harsher"));
        Assert.Equal("Sanctions as now", s.ArmLabel("now"));
        Assert.Single(s.Spec.Arms[0].Changes);
    }

    [Fact]
    public void Without_them_the_first_arm_is_the_reference_and_ids_are_made_readable()
    {
        var s = TestWorld.Scenario(Yaml("", "  no-change: []\n  harsher: [harsher-sanctions]"));
        Assert.Equal("no-change", s.Reference);
        Assert.Equal(Scenario.DefaultHeadline, s.Headline);
        Assert.Equal("No change", s.ArmLabel("no-change"));
    }

    [Fact]
    public void An_unknown_reference_arm_or_headline_metric_is_an_error_with_its_line()
    {
        var ex = Assert.Throws<ScenarioException>(() => TestWorld.Scenario(Yaml("reference: nope\nheadline: [destitution_rat]\n", "  now: []\n  harsher: [harsher-sanctions]")));
        Assert.Contains(ex.Errors, e => e.Field == "reference" && e.Message.Contains("unknown arm 'nope'") && e.Line > 0);
        Assert.Contains(ex.Errors, e => e.Field == "headline" && e.Message.Contains("did you mean 'destitution_rate'"));
    }

    [Fact]
    public void An_arm_mapping_needs_a_label_and_no_other_keys()
    {
        var ex = Assert.Throws<ScenarioException>(() => TestWorld.Scenario(Yaml("", "  now: []\n  harsher:\n    policy: [harsher-sanctions]")));
        Assert.Contains(ex.Errors, e => e.Field.StartsWith("arms.harsher", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_scenario_file_labels_its_arms_and_names_its_headline()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "scenarios"), "*.yaml"))
        {
            var s = ScenarioLoader.Load(file);
            Assert.True(s.Headline.Count > 0, file);
            if (s.Offset is null)
                foreach (var arm in s.Spec.Arms) Assert.True(s.Labels.ContainsKey(arm.Name), $"{file}: arm '{arm.Name}' has no label");
        }
    }
}
