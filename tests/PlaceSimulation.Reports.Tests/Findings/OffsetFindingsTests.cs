using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Reports.Findings;
using PlaceSimulation.Reports.Offset;
using PlaceSimulation.Reports.Tables;

namespace PlaceSimulation.Reports.Tests.Findings;

/// <summary>The headline in words for every sign and every undefined case.</summary>
public class OffsetFindingsTests
{
    private static readonly MetricDefinition Poverty = MetricCatalogue.ByName["poverty_rate_ahc"];

    /// <summary>A point from its measures, each a change in poverty (positive = higher).</summary>
    private static OffsetPoint Point(double local, double national, double interaction, Estimate share)
    {
        var net = local + national + interaction;
        Estimate E(double v) => new(v, v - 0.001, v + 0.001, EstimateStatus.Defined, null);
        var levels = new[] { 0.25, 0.25 + local, 0.25 + national, 0.25 + net }.Select(v => new Interval(v, v - 0.01, v + 0.01, 0.01, 4)).ToArray();
        return new OffsetPoint("poverty_rate_ahc", 0, 0, levels, [],
            new Dictionary<OffsetMeasure, Estimate>
            {
                [OffsetMeasure.LocalEffect] = E(local), [OffsetMeasure.NationalEffect] = E(national), [OffsetMeasure.Interaction] = E(interaction),
                [OffsetMeasure.Net] = E(net), [OffsetMeasure.OffsetShare] = share,
            });
    }

    private static Estimate Share(double s) => new(s, s - 0.1, s + 0.1, EstimateStatus.Defined, null);

    [Fact]
    public void A_partial_offset_says_how_much_is_cancelled()
    {
        var p = Point(-0.010, 0.006, 0.0018, Share(0.78));
        Assert.Equal("National forces cancel 78% of the local gain in poverty", OffsetFindings.Headline(Poverty, p));
    }

    [Fact]
    public void A_full_offset_says_all()
    {
        Assert.Equal("National forces cancel all of the local gain in poverty", OffsetFindings.Headline(Poverty, Point(-0.01, 0.01, 0, Share(1.0))));
    }

    [Fact]
    public void More_than_a_full_offset_says_the_place_ends_worse_off()
    {
        var h = OffsetFindings.Headline(Poverty, Point(-0.004, 0.014, 0, Share(3.5)));
        Assert.Equal("National forces more than cancel the local gain in poverty (offset share 350%): with both, poverty ends 1.0 percentage points higher than with neither", h);
    }

    [Fact]
    public void A_negative_share_says_the_gain_is_larger_alongside_national_forces()
    {
        Assert.StartsWith("National forces do not cancel the local gain in poverty", OffsetFindings.Headline(Poverty, Point(-0.01, -0.005, 0, Share(-0.5))));
    }

    [Fact]
    public void No_gain_and_an_unclear_gain_are_said_honestly()
    {
        var none = Point(0, 0.01, 0, Estimate.NoNumber(EstimateStatus.Undefined, OffsetShare.NoHelpfulLocalEffect));
        Assert.Equal("The local change did not change poverty, so no offset can be measured", OffsetFindings.Headline(Poverty, none));
        var harm = Point(0.002, 0.01, 0, Estimate.NoNumber(EstimateStatus.Undefined, OffsetShare.NoHelpfulLocalEffect));
        Assert.Equal("The local change did not lower poverty, so no offset can be measured", OffsetFindings.Headline(Poverty, harm));
        var unclear = Point(-0.0005, 0.01, 0, Estimate.NoNumber(EstimateStatus.Unstable, OffsetShare.LocalEffectIncludesZero));
        Assert.Equal("The local change's effect on poverty is too small to tell from chance, so no offset can be measured", OffsetFindings.Headline(Poverty, unclear));
        Assert.Contains(OffsetShare.LocalEffectIncludesZero, OffsetFindings.ShareSentence(Poverty, unclear));
    }

    [Fact]
    public void Small_differences_never_read_as_zero()
    {
        Assert.Equal("0.04 percentage points", Words.Amount(Poverty, 0.0004));
        Assert.Equal("−0.03 pts", Words.SignedShort(Poverty, -0.0003));
        Assert.Equal("1.4 percentage points", Words.Amount(Poverty, 0.0142));
    }

    [Fact]
    public void The_words_say_which_way_the_metric_moved_and_the_brackets_give_the_signed_measure()
    {
        // The local change lowers poverty by 0.8 points; national forces raise it by 1.0; together 0.1 points more.
        var p = Point(-0.008, 0.010, 0.001, Share(1.375));
        var text = OffsetFindings.Decomposition(Poverty, p, "December 2026");
        Assert.Contains("the local change lowers poverty by 0.8 percentage points (−0.8 pts; 90% interval −0.9 to −0.7)", text);
        Assert.Contains("the national forces raise it by 1.0 percentage points (+1.0 pts; 90% interval +0.9 to +1.1)", text);
        Assert.Contains("the local change achieves less than on its own; acting together raises poverty by a further 0.1 percentage points (+0.1 pts;", text);
        Assert.Contains("higher than doing neither by 0.3 percentage points (+0.3 pts;", text);
        var shortText = OffsetFindings.Short(Poverty, p);
        Assert.Contains("On its own the local change lowers poverty by 0.8 percentage points (−0.8 pts)", shortText);
        Assert.Contains("0.3 percentage points higher than with neither (+0.3 pts)", shortText);
    }

    [Fact]
    public void Money_is_signed_with_a_real_minus_sign()
    {
        var cost = MetricCatalogue.ByName["public_cost_gbp"];
        Assert.Equal("−£7.4m", Words.SignedShort(cost, -7_400_000));
        Assert.Equal("+£0.3m", Words.SignedShort(cost, 300_000));
        Assert.Equal("−£40k", Words.SignedShort(cost, -40_000));
    }
}
