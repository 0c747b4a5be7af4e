using PlaceSimulation.Sensitivity;

namespace PlaceSimulation.Model.Tests.Sensitivity;

public class FullFactorialTests
{
    [Fact]
    public void Every_combination_in_lexicographic_order_with_the_last_parameter_fastest()
    {
        var parameters = new[]
        {
            new ParameterRange("a", 0, 1),
            new ParameterRange("b", 0, 0, [10, 20]),
            new ParameterRange("c", -1, 1),
        };
        var grid = FullFactorial.Generate(parameters, levels: 3);
        Assert.Equal(3 * 2 * 3, grid.Length);
        var expected = new List<double[]>();
        foreach (var a in new[] { 0, 0.5, 1 })
            foreach (var b in new[] { 10.0, 20 })
                foreach (var c in new[] { -1.0, 0, 1 })
                    expected.Add([a, b, c]);
        Assert.Equal(expected, grid);
        Assert.Equal([0, 10, 0], grid[1]);
        Assert.Equal([0, 20, -1], grid[3]);
        Assert.Equal([1, 20, 1], grid[^1]);
    }

    [Fact]
    public void Continuous_levels_include_both_ends_and_the_count_is_the_product()
    {
        var grid = FullFactorial.Generate([new ParameterRange("x", 0.1, 0.7), new ParameterRange("y", 5, 9)], levels: 4);
        Assert.Equal(16, grid.Length);
        Assert.Equal(0.1, grid[0][0]);
        Assert.Equal(0.7, grid[^1][0]);
        Assert.Equal(new[] { 5.0, 5 + 4.0 / 3, 5 + 8.0 / 3, 9 }, grid.Take(4).Select(r => r[1]), new ToleranceComparer(1e-12));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
