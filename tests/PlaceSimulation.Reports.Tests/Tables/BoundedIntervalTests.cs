using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Reports.Tests.Tables;

/// <summary>Intervals for a metric's level stay within the values the metric can take; tiny places are flagged.</summary>
public class BoundedIntervalTests
{
    [Fact]
    public void A_share_from_one_household_runs_stays_within_0_and_1()
    {
        // One household a replication: each replication's share is 0 or 1.
        var share = MetricCatalogue.ByName["poverty_rate_ahc"];
        var plain = Interval.Of([0.0, 1.0, 0.0]);
        Assert.True(plain.Lo < 0 && plain.Hi > 1, "the plain t-interval should overrun here, or the test shows nothing");
        var i = Interval.OfMetric([0.0, 1.0, 0.0], share);
        Assert.InRange(i.Lo, 0, 1);
        Assert.InRange(i.Hi, 0, 1);
        Assert.Equal(1.0 / 3, i.Mean, 12);
        Assert.InRange(i.Mean, i.Lo, i.Hi);
    }

    [Fact]
    public void A_share_interval_away_from_the_bounds_is_close_to_the_t_interval()
    {
        var share = MetricCatalogue.ByName["child_poverty_rate"];
        double[] v = [0.30, 0.31, 0.29, 0.305];
        var plain = Interval.Of(v);
        var bounded = Interval.OfMetric(v, share);
        Assert.Equal(plain.Lo, bounded.Lo, 3);
        Assert.Equal(plain.Hi, bounded.Hi, 3);
    }

    [Fact]
    public void Costs_are_never_negative()
    {
        var cost = MetricCatalogue.ByName["public_cost_gbp"];
        var i = Interval.OfMetric([0.0, 5000.0, 0.0], cost);
        Assert.True(Interval.Of([0.0, 5000.0, 0.0]).Lo < 0);
        Assert.Equal(0, i.Lo);
        Assert.True(i.Hi > i.Mean);
    }

    [Fact]
    public void A_run_with_a_place_too_small_to_estimate_rates_is_flagged()
    {
        RunSpec Spec(int households) => ScenarioLoader.Parse("t.yaml", $"""
            name: t
            title: T
            question: Q?
            start: 2025-04
            months: 2
            households: {households}
            places:
              - id: tiny
                preset: england-average
            arms:
              base: []
            """).Spec;
        Assert.Contains("tiny (1)", Interval.SmallPlaceWarning(Spec(1)));
        Assert.Null(Interval.SmallPlaceWarning(Spec(Interval.MinHouseholdsForRates)));
    }
}
