using PlaceSimulation.Reports.Offset;

namespace PlaceSimulation.Reports.Tests.Offset;

/// <summary>The analysis on real (small) runs: the identity, common random numbers, and honest undefined shares.</summary>
public class OffsetAnalysisTests
{
    private static OffsetAnalysis Analyse(string local)
    {
        var (scenario, table) = OffsetRuns.Run(local);
        return OffsetAnalysis.Of(table, scenario.Offset!);
    }

    [Fact]
    public void Local_effect_plus_national_effect_plus_interaction_equals_net_per_replication_and_for_the_means()
    {
        var a = Analyse(OffsetRuns.Working);
        var t = a.Table;
        var checkedPoints = 0;
        foreach (var metric in a.MetricNames)
        for (var p = 0; p < t.Places; p++)
        for (var m = 0; m < t.Months; m++)
        {
            var point = a.Point(metric, p, m);
            var scale = point.Levels.Max(l => Math.Abs(l.Mean)) + 1e-12;
            foreach (var d in point.Replications)
                Assert.True(Math.Abs(d.IdentityError) <= 1e-12 * scale, $"{metric} place {p} month {m}: {d}");
            var means = point.LocalEffect.Mean + point.NationalEffect.Mean + point.Interaction.Mean - point.Net.Mean;
            Assert.True(Math.Abs(means) <= 1e-12 * scale, $"{metric} place {p} month {m}: means off by {means}");
            checkedPoints++;
        }
        Assert.Equal(OffsetAnalysis.Metrics.Length * t.Places * t.Months, checkedPoints);
    }

    [Fact]
    public void The_measures_are_differences_of_the_arm_levels()
    {
        var a = Analyse(OffsetRuns.Working);
        var p = a.AtHorizon("poverty_rate_ahc");
        // One sign convention: each is a change in the metric, positive = higher.
        Assert.Equal(p.Local.Mean - p.Neither.Mean, p.LocalEffect.Mean, 12);
        Assert.Equal(p.National.Mean - p.Neither.Mean, p.NationalEffect.Mean, 12);
        Assert.Equal(p.Both.Mean - p.Local.Mean - p.National.Mean + p.Neither.Mean, p.Interaction.Mean, 12);
        Assert.Equal(p.Both.Mean - p.Neither.Mean, p.Net.Mean, 12);
    }

    [Fact]
    public void Before_any_lever_moves_the_arms_are_identical_so_every_difference_is_exactly_zero()
    {
        var a = Analyse(OffsetRuns.Working);
        var p = a.Point("poverty_rate_ahc", a.Table.All, 0); // levers start in 2025-06, month 2
        Assert.All(p.Replications, d => Assert.Equal(default, d));
        Assert.Equal(EstimateStatus.Undefined, p.Share.Status);
    }

    [Fact]
    public void A_local_change_that_does_nothing_has_no_offset_share_and_says_why()
    {
        var a = Analyse(OffsetRuns.DoesNothing);
        foreach (var metric in OffsetAnalysis.Headline.Append("unmet_needs"))
        {
            var p = a.AtHorizon(metric);
            Assert.All(p.Replications, d => Assert.Equal(0, d.LocalEffect));
            Assert.Equal(EstimateStatus.Undefined, p.Share.Status);
            Assert.True(double.IsNaN(p.Share.Mean));
            Assert.Equal(OffsetShare.NoHelpfulLocalEffect, p.Share.Reason);
        }
    }

    [Fact]
    public void A_local_change_that_harms_raises_unmet_needs_and_has_no_offset_share()
    {
        var a = Analyse(OffsetRuns.Harms);
        var p = a.AtHorizon("unmet_needs");
        Assert.True(p.LocalEffect.Mean > 0, $"closing services should leave more needs unmet: a positive local effect; got {p.LocalEffect.Mean}");
        Assert.Equal(EstimateStatus.Undefined, p.Share.Status);
        Assert.NotNull(p.Share.Reason);
    }

    [Fact]
    public void The_analysis_is_the_same_on_every_run_of_the_same_results()
    {
        var (scenario, table) = OffsetRuns.Run(OffsetRuns.Working);
        var x = OffsetAnalysis.Of(table, scenario.Offset!).AtHorizon("poverty_rate_ahc");
        var y = OffsetAnalysis.Of(table, scenario.Offset!).AtHorizon("poverty_rate_ahc");
        Assert.Equal(x.Share, y.Share);
    }
}
