using PlaceSimulation.Reports.Offset;

namespace PlaceSimulation.Reports.Tests.Offset;

public class OffsetShareTests
{
    [Fact]
    public void The_share_is_one_minus_the_ratio_of_mean_net_to_mean_local_effect()
    {
        // Poverty (lower is better): the local change lowers it, both together lower it a little.
        var e = OffsetShare.Estimate([-0.010, -0.012, -0.011, -0.009], [-0.002, -0.003, -0.001, -0.002], lowerIsBetter: true, seed: 1);
        Assert.Equal(EstimateStatus.Defined, e.Status);
        Assert.Equal(1 - 0.002 / 0.0105, e.Mean, 12);
        Assert.True(e.Lo <= e.Mean && e.Mean <= e.Hi, $"{e.Lo} {e.Mean} {e.Hi}");
        Assert.Null(e.Reason);
    }

    [Fact]
    public void The_share_is_the_same_number_whichever_way_the_metric_is_better()
    {
        // Negating both measures is exact, so a lower-is-better metric's share is bit-identical to the mirrored higher-is-better one.
        double[] g = [0.010, 0.014, 0.008, 0.012, 0.011];
        double[] n = [0.001, 0.004, -0.002, 0.003, 0.000];
        var up = OffsetShare.Estimate(g, n, lowerIsBetter: false, seed: 42);
        var down = OffsetShare.Estimate(g.Select(x => -x).ToArray(), n.Select(x => -x).ToArray(), lowerIsBetter: true, seed: 42);
        Assert.Equal(EstimateStatus.Defined, up.Status);
        Assert.Equal(up, down);
    }

    [Fact]
    public void A_gain_of_zero_gives_no_number_and_says_why()
    {
        var e = OffsetShare.Estimate([0.0, 0.0, 0.0], [0.01, 0.02, 0.01], lowerIsBetter: true, seed: 1);
        Assert.Equal(EstimateStatus.Undefined, e.Status);
        Assert.True(double.IsNaN(e.Mean) && double.IsNaN(e.Lo) && double.IsNaN(e.Hi));
        Assert.Equal(OffsetShare.NoHelpfulLocalEffect, e.Reason);
    }

    [Fact]
    public void A_local_effect_in_the_unhelpful_direction_gives_no_number()
    {
        // Poverty raised by the local change: nothing to cancel.
        var e = OffsetShare.Estimate([0.01, 0.02, 0.015], [0.03, 0.04, 0.03], lowerIsBetter: true, seed: 1);
        Assert.Equal(EstimateStatus.Undefined, e.Status);
        Assert.True(double.IsNaN(e.Mean));
        Assert.Equal(OffsetShare.NoHelpfulLocalEffect, e.Reason);
        // A higher-is-better metric lowered by the local change: the same.
        Assert.Equal(EstimateStatus.Undefined, OffsetShare.Estimate([-0.01, -0.02, -0.015], [-0.03, -0.04, -0.03], lowerIsBetter: false, seed: 1).Status);
    }

    [Fact]
    public void A_gain_whose_interval_includes_zero_is_unstable()
    {
        var e = OffsetShare.Estimate([-0.02, 0.015, -0.01, 0.005], [0.0, 0.0, -0.01, 0.01], lowerIsBetter: true, seed: 1);
        Assert.Equal(EstimateStatus.Unstable, e.Status);
        Assert.True(double.IsNaN(e.Mean));
        Assert.Equal(OffsetShare.LocalEffectIncludesZero, e.Reason);
    }

    [Fact]
    public void One_replication_gives_no_share_because_the_gain_cannot_be_checked()
    {
        var e = OffsetShare.Estimate([-0.01], [-0.0025], lowerIsBetter: true, seed: 1);
        Assert.Equal(EstimateStatus.Unstable, e.Status);
        Assert.True(double.IsNaN(e.Mean));
        Assert.Equal(OffsetShare.OneReplication, e.Reason);
        // ... but a local effect that does not help is still undefined, whatever the replications.
        Assert.Equal(EstimateStatus.Undefined, OffsetShare.Estimate([0.01], [0.02], lowerIsBetter: true, seed: 1).Status);
    }

    [Fact]
    public void The_bootstrap_is_deterministic_for_a_seed_and_moves_with_it()
    {
        double[] g = [0.010, 0.014, 0.008, 0.012, 0.011];
        double[] n = [0.001, 0.004, -0.002, 0.003, 0.000];
        Assert.Equal(OffsetShare.Estimate(g, n, false, 42), OffsetShare.Estimate(g, n, false, 42));
        Assert.NotEqual(OffsetShare.Estimate(g, n, false, 42).Lo, OffsetShare.Estimate(g, n, false, 43).Lo);
    }

    /// <summary>
    /// The interval is meant to cover the true share about 90% of the time. With 20
    /// replications of a gain of 1 ± 0.25 and a net of 0.3 ± 0.25 (true share 0.7), the
    /// percentile bootstrap of the ratio of means should cover it in roughly 85-95% of 400
    /// simulated studies (a binomial 99.9% band around 90% is about 84-95%).
    /// </summary>
    [Fact]
    public void The_interval_covers_the_true_share_about_90_percent_of_the_time()
    {
        var rng = new Random(20250401);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var covered = 0;
        const int studies = 400;
        for (var s = 0; s < studies; s++)
        {
            var gains = Enumerable.Range(0, 20).Select(_ => 1 + 0.25 * Normal()).ToArray();
            var nets = Enumerable.Range(0, 20).Select(_ => 0.3 + 0.25 * Normal()).ToArray();
            var e = OffsetShare.Estimate(gains, nets, lowerIsBetter: false, (ulong)s);
            Assert.Equal(EstimateStatus.Defined, e.Status);
            if (e.Lo <= 0.7 && 0.7 <= e.Hi) covered++;
        }
        Assert.InRange(covered / (double)studies, 0.84, 0.95);
    }
}
