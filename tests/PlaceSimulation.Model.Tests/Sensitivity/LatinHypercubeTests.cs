using PlaceSimulation.Sensitivity;

namespace PlaceSimulation.Model.Tests.Sensitivity;

public class LatinHypercubeTests
{
    [Fact]
    public void Each_dimension_has_exactly_one_point_in_each_stratum()
    {
        const int n = 50, d = 6;
        var x = LatinHypercube.Generate(n, d, seed: 7);
        Assert.Equal(n, x.Length);
        for (var j = 0; j < d; j++)
        {
            var hits = new int[n];
            foreach (var row in x)
            {
                Assert.Equal(d, row.Length);
                Assert.InRange(row[j], 0.0, Math.BitDecrement(1.0));
                hits[(int)Math.Floor(row[j] * n)]++;
            }
            Assert.All(hits, h => Assert.Equal(1, h));
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_design_and_another_seed_a_different_one()
    {
        var a = LatinHypercube.Generate(20, 3, seed: 42);
        var b = LatinHypercube.Generate(20, 3, seed: 42);
        var c = LatinHypercube.Generate(20, 3, seed: 43);
        Assert.Equal(a, b);
        Assert.NotEqual(a[0], c[0]);
        // The strata are permuted, not in order, and jittered, not at stratum edges or centres.
        Assert.Contains(a, row => Math.Floor(row[0] * 20) != Array.IndexOf(a, row));
        Assert.Contains(a, row => Math.Abs(row[1] * 20 - Math.Floor(row[1] * 20) - 0.5) > 0.01);
    }
}
