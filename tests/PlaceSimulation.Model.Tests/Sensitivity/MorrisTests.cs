using PlaceSimulation.Sensitivity;

namespace PlaceSimulation.Model.Tests.Sensitivity;

public class MorrisTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    public void Trajectories_move_one_factor_at_a_time_by_delta_on_the_grid(int levels)
    {
        const int r = 30, d = 5;
        var x = MorrisDesign.Generate(r, d, seed: 3, levels);
        Assert.Equal(r * (d + 1), x.Length);
        var delta = levels / (2.0 * (levels - 1));
        var ups = 0;
        for (var t = 0; t < r; t++)
        {
            var moved = new HashSet<int>();
            for (var k = 0; k <= d; k++)
            {
                var row = x[t * (d + 1) + k];
                Assert.All(row, v =>
                {
                    Assert.InRange(v, 0.0, 1.0);
                    var g = v * (levels - 1);
                    Assert.Equal(Math.Round(g), g, 9); // on the grid
                });
                if (k == 0) continue;
                var prev = x[t * (d + 1) + k - 1];
                var changed = Enumerable.Range(0, d).Where(i => prev[i] != row[i]).ToArray();
                Assert.Single(changed);
                Assert.Equal(delta, Math.Abs(row[changed[0]] - prev[changed[0]]), 12);
                if (row[changed[0]] > prev[changed[0]]) ups++;
                Assert.True(moved.Add(changed[0]));
            }
        }
        // Directions are random: both up and down steps occur.
        Assert.InRange(ups, 1, r * d - 1);
        Assert.Equal(x, MorrisDesign.Generate(r, d, seed: 3, levels));
        Assert.NotEqual(x, MorrisDesign.Generate(r, d, seed: 4, levels));
    }

    [Fact]
    public void A_linear_function_gives_mu_star_equal_to_the_absolute_coefficient_and_sigma_zero()
    {
        var parameters = new[]
        {
            new ParameterRange("a", 0, 2),
            new ParameterRange("b", -1, 1),
            new ParameterRange("c", 10, 20),
        };
        double[] coefficients = [3, -2, 0.5];
        var design = MorrisDesign.Generate(20, 3, seed: 11);
        var y = design.Select(u => Enumerable.Range(0, 3).Sum(i => coefficients[i] * parameters[i].At(u[i]))).ToArray();

        var result = MorrisAnalysis.Analyse(parameters, design, y);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(parameters[i].Name, result[i].Name);
            Assert.Equal(coefficients[i], result[i].Mu, 9);
            Assert.Equal(Math.Abs(coefficients[i]), result[i].MuStar, 9);
            Assert.Equal(0, result[i].Sigma, 9);
            Assert.Equal(Math.Abs(coefficients[i]), result[i].MuStarLo, 9);
            Assert.Equal(Math.Abs(coefficients[i]), result[i].MuStarHi, 9);
        }
    }

    [Fact]
    public void An_interacting_factor_has_positive_sigma_and_a_purely_additive_one_does_not()
    {
        // y = 2·x1 + x2·x3 on [0, 1]^3: x1's effect is always 2; x2's effect is x3 and vice versa.
        var parameters = new[] { new ParameterRange("x1", 0, 1), new ParameterRange("x2", 0, 1), new ParameterRange("x3", 0, 1) };
        var design = MorrisDesign.Generate(40, 3, seed: 5);
        var y = design.Select(u => 2 * u[0] + u[1] * u[2]).ToArray();

        var result = MorrisAnalysis.Analyse(parameters, design, y, seed: 9, bootstrap: 500);
        Assert.Equal(2, result[0].MuStar, 9);
        Assert.Equal(0, result[0].Sigma, 9);
        foreach (var i in new[] { 1, 2 })
        {
            Assert.True(result[i].Sigma > 0.1, $"sigma of {result[i].Name} was {result[i].Sigma}");
            Assert.InRange(result[i].MuStar, 0.2, 0.8); // mean of the other factor's grid value
            Assert.True(result[i].MuStarLo < result[i].MuStar && result[i].MuStar < result[i].MuStarHi);
            Assert.True(result[i].MuStarHi < 2); // clearly less influential than x1
        }
        Assert.Equal(result, MorrisAnalysis.Analyse(parameters, design, y, seed: 9, bootstrap: 500));
    }

    [Fact]
    public void Levelled_parameters_are_scaled_in_unit_space()
    {
        // Four levels on a 4-level grid: unit values 0, 1/3, 2/3, 1 map to levels 1, 2, 3, 4, and a
        // step of delta = 2/3 always moves two levels, so EE = 2 / (2/3) = 3.
        var parameters = new[] { new ParameterRange("k", 0, 0, [1, 2, 3, 4]), new ParameterRange("x", 0, 10) };
        var design = MorrisDesign.Generate(10, 2, seed: 2);
        var y = design.Select(u => parameters[0].At(u[0]) + 0 * parameters[1].At(u[1])).ToArray();
        var result = MorrisAnalysis.Analyse(parameters, design, y);
        Assert.Equal(3, result[0].MuStar, 9);
        Assert.Equal(0, result[1].MuStar, 9);
    }

    [Fact]
    public void A_design_that_is_not_one_at_a_time_is_refused()
    {
        var parameters = new[] { new ParameterRange("a", 0, 1), new ParameterRange("b", 0, 1) };
        double[][] design = [[0, 0], [2.0 / 3, 2.0 / 3], [2.0 / 3, 0]];
        Assert.Throws<ArgumentException>(() => MorrisAnalysis.Analyse(parameters, design, [0, 1, 2]));
        var good = MorrisDesign.Generate(2, 2, seed: 1);
        Assert.Throws<ArgumentException>(() => MorrisAnalysis.Analyse(parameters, good, new double[good.Length], levels: 6));
    }
}
