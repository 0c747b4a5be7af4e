using PlaceSimulation.Reports.Offset;

namespace PlaceSimulation.Reports.Tests.Offset;

public class DecompositionTests
{
    [Fact]
    public void A_lower_is_better_metric_decomposes_as_the_definitions_say()
    {
        // Poverty: 26% with neither, 25% local only, 28% national only, 27.5% both.
        var d = Decomposition.Of(new ArmValues(0.26, 0.25, 0.28, 0.275), lowerIsBetter: true);
        Assert.Equal(0.01, d.LocalGain, 12);
        Assert.Equal(0.02, d.NationalLoss, 12);
        Assert.Equal(-0.005, d.Interaction, 12); // the local change achieves 0.5 points instead of 1 while national forces act
        Assert.Equal(-0.015, d.Net, 12);
        Assert.Equal(0, d.IdentityError, 12);
    }

    [Fact]
    public void A_higher_is_better_metric_flips_the_signs_so_a_positive_gain_is_still_good()
    {
        var d = Decomposition.Of(new ArmValues(0.70, 0.72, 0.66, 0.67), lowerIsBetter: false);
        Assert.Equal(0.02, d.LocalGain, 12);
        Assert.Equal(0.04, d.NationalLoss, 12);
        Assert.Equal(-0.01, d.Interaction, 12);
        Assert.Equal(-0.03, d.Net, 12);
        Assert.Equal(0, d.IdentityError, 12);
    }

    [Fact]
    public void The_identity_holds_for_any_values()
    {
        var rng = new Random(3);
        for (var i = 0; i < 1000; i++)
        {
            var y = new ArmValues(rng.NextDouble(), rng.NextDouble(), rng.NextDouble(), rng.NextDouble());
            Assert.True(Math.Abs(Decomposition.Of(y, i % 2 == 0).IdentityError) < 1e-15);
        }
    }
}
