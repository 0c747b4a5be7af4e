using PlaceSimulation.Sensitivity;

namespace PlaceSimulation.Model.Tests.Sensitivity;

public class PercentilesTests
{
    [Theory]
    // Values from R's quantile(x, p, type = 7) / NumPy's percentile default.
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.9, 9.1)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.5, 5.5)]
    [InlineData(new double[] { 3, 1, 4, 1, 5 }, 0.3, 1.4)]
    [InlineData(new double[] { 3, 1, 4, 1, 5 }, 0.75, 4.0)]
    [InlineData(new double[] { 4, 3, 2, 1 }, 0.4, 2.2)]
    [InlineData(new double[] { 4, 3, 2, 1 }, 0.0, 1.0)]
    [InlineData(new double[] { 4, 3, 2, 1 }, 1.0, 4.0)]
    [InlineData(new double[] { 7 }, 0.05, 7.0)]
    public void Type_7_linear_interpolation(double[] values, double p, double expected)
    {
        Assert.Equal(expected, Percentiles.Of(values, p), 12);
    }

    [Fact]
    public void The_input_is_left_unsorted_and_bad_arguments_are_refused()
    {
        double[] v = [3, 1, 2];
        Percentiles.Of(v, 0.5);
        Assert.Equal([3, 1, 2], v);
        Assert.Throws<ArgumentException>(() => Percentiles.Of([], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of(v, 1.5));
    }
}
