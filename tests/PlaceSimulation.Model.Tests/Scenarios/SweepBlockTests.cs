using PlaceSimulation.Reports.Sweeps;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Model.Tests.Scenarios;

/// <summary>A scenario's sweep block: read, checked with file, line and field, and made into points that share households and draws.</summary>
public class SweepBlockTests
{
    private static string Yaml(string sweep) => TestWorld.Yaml(households: 200, months: 12) + "\nsweep:\n" + sweep;

    private const string Good = """
          design: sobol
          samples: 8
          measure: { metrics: [destitution_rate, poverty_rate_ahc], at: mean_last_12 }
          vary:
            national.sanctions.monthly_rate: { from: 0.01, to: 0.04 }
            behaviour.help_seeking_base:
            national.benefits.uprating_annual: { values: [0, 0.017, 0.04] }
        """;

    private static ScenarioError Single(string sweep, ScenarioOverrides? o = null)
    {
        var ex = Assert.Throws<ScenarioException>(() => TestWorld.Scenario(Yaml(sweep), o));
        return Assert.Single(ex.Errors);
    }

    [Fact]
    public void A_sweep_block_is_read_with_declared_ranges_for_bare_entries()
    {
        var s = TestWorld.Scenario(Yaml(Good));
        var sweep = Assert.IsType<SweepBlock>(s.Sweep);
        Assert.Equal(SweepDesign.Sobol, sweep.Design);
        Assert.Equal(SweepAt.MeanLast12, sweep.At);
        Assert.Equal(["destitution_rate", "poverty_rate_ahc"], sweep.Metrics);
        Assert.Equal(8 * (3 + 2), sweep.Points);
        var declared = ParameterCatalogue.Embedded.Parameters["behaviour.help_seeking_base"];
        var bare = sweep.Vary.Single(v => v.Path == "behaviour.help_seeking_base");
        Assert.True(bare.FromDeclaredRange);
        Assert.Equal((declared.RangeLow, declared.RangeHigh), (bare.Low, bare.High));
        Assert.Equal([0, 0.017, 0.04], sweep.Vary.Single(v => v.Path == "national.benefits.uprating_annual").Levels!);
        Assert.Equal(16, TestWorld.Scenario(Yaml(Good), new ScenarioOverrides(Samples: 16)).Sweep!.Samples);
    }

    [Theory]
    [InlineData("national.sanctions.monthly_rat: { from: 0.01, to: 0.04 }", "sweep.vary.national.sanctions.monthly_rat", "did you mean 'national.sanctions.monthly_rate'")]
    [InlineData("national.sanctions.monthly_rate: { from: 0.01, to: 1.5 }", "sweep.vary.national.sanctions.monthly_rate.to", "out of range")]
    [InlineData("national.sanctions.monthly_rate: { from: 0.04, to: 0.01 }", "sweep.vary.national.sanctions.monthly_rate.to", "expected from < to")]
    [InlineData("national.sanctions.monthly_rate:", "sweep.vary.national.sanctions.monthly_rate", "declares no plausible range")]
    public void A_bad_vary_entry_is_named_with_what_was_expected(string entry, string field, string message)
    {
        var e = Single($$"""
              design: lhs
              samples: 8
              measure: { metrics: [destitution_rate] }
              vary:
                {{entry}}
            """);
        Assert.Equal(field, e.Field);
        Assert.Contains(message, e.Message);
        Assert.True(e.Line > 0);
    }

    [Fact]
    public void Too_few_samples_for_the_design_and_unknown_designs_and_metrics_are_refused()
    {
        Assert.Equal("sweep.samples", Single(Good.Replace("samples: 8", "samples: 4")).Field);
        Assert.Contains("expected grid, lhs, morris or sobol", Single(Good.Replace("design: sobol", "design: monte-carlo")).Message);
        Assert.Contains("did you mean 'destitution_rate'", Single(Good.Replace("[destitution_rate, poverty_rate_ahc]", "[destitution_rat]")).Message);
        var cli = Assert.Single(Assert.Throws<ScenarioException>(() => TestWorld.Scenario(Yaml(Good), new ScenarioOverrides(Samples: 2))).Errors);
        Assert.Equal("--samples", cli.Field);
    }

    [Fact]
    public void A_plan_gives_every_point_the_scenarios_places_with_its_values_and_the_same_random_streams()
    {
        var s = TestWorld.Scenario(Yaml(Good));
        var plan = SweepPlan.For(s);

        Assert.Equal(40, plan.DesignPoints.Count());
        Assert.Equal(40 + 1 + 2 * 3, plan.Points.Count);
        Assert.Equal(plan.Points.Count * s.Spec.Places.Count, plan.Spec.Places.Count);
        var place = s.Spec.Places[0];
        var schema = Model.Parameters.ParameterSchema.Instance;
        foreach (var point in plan.Points)
        {
            var variant = plan.Spec.Places[plan.PlaceIndex(point, 0)];
            Assert.Equal(place.Key, variant.Key); // common random numbers
            for (var i = 0; i < plan.Ranges.Count; i++)
            {
                var expected = double.IsNaN(point.Values[i]) ? schema[plan.Ranges[i].Name].Get(place.BaseParameters) : point.Values[i];
                Assert.Equal(expected, schema[plan.Ranges[i].Name].Get(variant.BaseParameters));
            }
        }
        // Levelled parameters take only their levels; continuous ones stay in range.
        Assert.All(plan.DesignPoints, p => Assert.Contains(p.Values[2], new[] { 0, 0.017, 0.04 }));
        Assert.All(plan.DesignPoints, p => Assert.InRange(p.Values[0], 0.01, 0.04));
    }
}
