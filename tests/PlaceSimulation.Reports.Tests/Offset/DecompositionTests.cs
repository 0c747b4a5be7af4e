using PlaceSimulation.Reports.Offset;

namespace PlaceSimulation.Reports.Tests.Offset;

public class DecompositionTests
{
    [Fact]
    public void Every_measure_is_a_change_in_the_metric_positive_higher()
    {
        // Poverty: 26% with neither, 25% local only, 28% national only, 27.5% both.
        var d = Decomposition.Of(new ArmValues(0.26, 0.25, 0.28, 0.275));
        Assert.Equal(-0.01, d.LocalEffect, 12);     // the local change lowers poverty by 1 point: it helped
        Assert.Equal(0.02, d.NationalEffect, 12);   // the national forces raise it by 2 points
        Assert.Equal(0.005, d.Interaction, 12);     // together, 0.5 points higher than the two apart: the local change achieves 0.5 points instead of 1
        Assert.Equal(0.015, d.Net, 12);             // both leave poverty 1.5 points higher than neither
        Assert.Equal(0, d.IdentityError, 12);
    }

    [Fact]
    public void A_higher_is_better_metric_has_the_same_convention_positive_is_higher()
    {
        // No flipping: a metric where higher is better still reads positive = higher.
        var d = Decomposition.Of(new ArmValues(0.70, 0.72, 0.66, 0.67));
        Assert.Equal(0.02, d.LocalEffect, 12);
        Assert.Equal(-0.04, d.NationalEffect, 12);
        Assert.Equal(-0.01, d.Interaction, 12);
        Assert.Equal(-0.03, d.Net, 12);
        Assert.Equal(0, d.IdentityError, 12);
    }

    [Fact]
    public void The_identity_local_plus_national_plus_interaction_equals_net_holds_for_any_values()
    {
        var rng = new Random(3);
        for (var i = 0; i < 1000; i++)
        {
            var y = new ArmValues(rng.NextDouble(), rng.NextDouble(), rng.NextDouble(), rng.NextDouble());
            var d = Decomposition.Of(y);
            Assert.True(Math.Abs(d.IdentityError) < 1e-15);
            Assert.Equal(y.Local - y.Neither, d.LocalEffect);
            Assert.Equal(y.Both - y.Neither, d.Net);
        }
    }

    [Fact]
    public void Helps_turns_on_the_metric_s_direction()
    {
        Assert.True(OffsetMeasures.Helps(-0.01, lowerIsBetter: true));
        Assert.False(OffsetMeasures.Helps(0.01, lowerIsBetter: true));
        Assert.True(OffsetMeasures.Helps(0.01, lowerIsBetter: false));
        Assert.False(OffsetMeasures.Helps(0.0, lowerIsBetter: true));
        Assert.False(OffsetMeasures.Helps(0.0, lowerIsBetter: false));
    }
}
