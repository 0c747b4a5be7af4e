using PlaceSimulation.Reports.Offset;

namespace PlaceSimulation.Reports.Tests.Offset;

public class OffsetShareTests
{
    [Fact]
    public void The_share_is_one_minus_the_ratio_of_mean_net_to_mean_gain()
    {
        var e = OffsetShare.Estimate([0.010, 0.012, 0.011, 0.009], [0.002, 0.003, 0.001, 0.002], seed: 1);
        Assert.Equal(EstimateStatus.Defined, e.Status);
        Assert.Equal(1 - 0.002 / 0.0105, e.Mean, 12);
        Assert.True(e.Lo <= e.Mean && e.Mean <= e.Hi, $"{e.Lo} {e.Mean} {e.Hi}");
        Assert.Null(e.Reason);
    }

    [Fact]
    public void A_gain_of_zero_gives_no_number_and_says_why()
    {
        var e = OffsetShare.Estimate([0.0, 0.0, 0.0], [-0.01, -0.02, -0.01], seed: 1);
        Assert.Equal(EstimateStatus.Undefined, e.Status);
        Assert.True(double.IsNaN(e.Mean) && double.IsNaN(e.Lo) && double.IsNaN(e.Hi));
        Assert.Equal(OffsetShare.GainNotPositive, e.Reason);
    }

    [Fact]
    public void A_negative_gain_gives_no_number()
    {
        var e = OffsetShare.Estimate([-0.01, -0.02, -0.015], [-0.03, -0.04, -0.03], seed: 1);
        Assert.Equal(EstimateStatus.Undefined, e.Status);
        Assert.True(double.IsNaN(e.Mean));
    }

    [Fact]
    public void A_gain_whose_interval_includes_zero_is_unstable()
    {
        var e = OffsetShare.Estimate([0.02, -0.015, 0.01, -0.005], [0.0, 0.0, 0.01, -0.01], seed: 1);
        Assert.Equal(EstimateStatus.Unstable, e.Status);
        Assert.True(double.IsNaN(e.Mean));
        Assert.Equal(OffsetShare.GainIncludesZero, e.Reason);
    }

    [Fact]
    public void One_replication_gives_no_share_because_the_gain_cannot_be_checked()
    {
        var e = OffsetShare.Estimate([0.01], [0.0025], seed: 1);
        Assert.Equal(EstimateStatus.Unstable, e.Status);
        Assert.True(double.IsNaN(e.Mean));
        Assert.Equal(OffsetShare.OneReplication, e.Reason);
        // ... but a gain that is not positive is still undefined, whatever the replications.
        Assert.Equal(EstimateStatus.Undefined, OffsetShare.Estimate([-0.01], [-0.02], seed: 1).Status);
    }

    [Fact]
    public void The_bootstrap_is_deterministic_for_a_seed_and_moves_with_it()
    {
        double[] g = [0.010, 0.014, 0.008, 0.012, 0.011];
        double[] n = [0.001, 0.004, -0.002, 0.003, 0.000];
        Assert.Equal(OffsetShare.Estimate(g, n, 42), OffsetShare.Estimate(g, n, 42));
        Assert.NotEqual(OffsetShare.Estimate(g, n, 42).Lo, OffsetShare.Estimate(g, n, 43).Lo);
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
            var e = OffsetShare.Estimate(gains, nets, (ulong)s);
            Assert.Equal(EstimateStatus.Defined, e.Status);
            if (e.Lo <= 0.7 && 0.7 <= e.Hi) covered++;
        }
        Assert.InRange(covered / (double)studies, 0.84, 0.95);
    }
}
