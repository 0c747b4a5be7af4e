using PlaceSimulation.Sensitivity;

namespace PlaceSimulation.Model.Tests.Sensitivity;

public class ParameterRangeTests
{
    [Fact]
    public void Continuous_ranges_map_linearly_and_levels_by_equal_slices()
    {
        var x = new ParameterRange("x", 2, 6);
        Assert.Equal(2, x.At(0));
        Assert.Equal(3, x.At(0.25));
        Assert.Equal(6, x.At(1));
        var k = new ParameterRange("k", 0, 0, [10, 20, 30]);
        Assert.Equal(10, k.At(0));
        Assert.Equal(10, k.At(0.33));
        Assert.Equal(20, k.At(0.34));
        Assert.Equal(30, k.At(0.99));
        Assert.Equal(30, k.At(1)); // Morris grids reach u = 1
        Assert.Throws<ArgumentOutOfRangeException>(() => x.At(1.01));
    }
}
