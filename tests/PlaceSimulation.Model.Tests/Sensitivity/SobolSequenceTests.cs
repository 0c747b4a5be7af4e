using PlaceSimulation.Sensitivity;

namespace PlaceSimulation.Model.Tests.Sensitivity;

public class SobolSequenceTests
{
    [Fact]
    public void The_first_points_of_dimensions_1_to_3_are_the_known_values()
    {
        var p = SobolSequence.Generate(8, 3);
        double[] dim1 = [0, .5, .75, .25, .375, .875, .625, .125];
        double[] dim2 = [0, .5, .25, .75, .375, .875, .125, .625];
        // Dimension 3 by hand from the Joe–Kuo row s=2, a=1, m=(1,3): v1=1/2, v2=3/4 and
        // m3 = 2·m2 ⊕ 4·m1 ⊕ m1 = 6 ⊕ 4 ⊕ 1 = 3, v3 = 3/8; Gray-code XORs v1,v2,v1,v3,v1,v2,v1.
        double[] dim3 = [0, .5, .25, .75, .625, .125, .875, .375];
        for (var n = 0; n < 8; n++)
        {
            Assert.Equal(dim1[n], p[n][0]);
            Assert.Equal(dim2[n], p[n][1]);
            Assert.Equal(dim3[n], p[n][2]);
        }
    }

    [Fact]
    public void Point_0_is_the_origin_and_point_1_is_one_half_in_every_dimension()
    {
        var p = SobolSequence.Generate(2, SobolSequence.MaxDimensions);
        Assert.True(SobolSequence.MaxDimensions >= 40);
        Assert.All(p[0], x => Assert.Equal(0.0, x));
        Assert.All(p[1], x => Assert.Equal(0.5, x));
    }

    [Fact]
    public void Every_one_dimensional_projection_of_the_first_2_to_the_k_points_fills_each_bin_once()
    {
        var d = SobolSequence.MaxDimensions;
        var p = SobolSequence.Generate(1 << 10, d);
        for (var k = 1; k <= 10; k++)
        {
            var n = 1 << k;
            for (var j = 0; j < d; j++)
            {
                var hits = new int[n];
                for (var i = 0; i < n; i++) hits[(int)(p[i][j] * n)]++;
                Assert.All(hits, h => Assert.Equal(1, h));
            }
        }
    }

    [Fact]
    public void The_first_two_dimensions_form_a_0_m_2_net_every_elementary_box_holds_one_point()
    {
        const int m = 8;
        var p = SobolSequence.Generate(1 << m, 2);
        for (var a = 0; a <= m; a++)
        {
            int nx = 1 << a, ny = 1 << (m - a);
            var hits = new int[nx * ny];
            foreach (var x in p) hits[(int)(x[0] * nx) * ny + (int)(x[1] * ny)]++;
            Assert.All(hits, h => Assert.Equal(1, h));
        }
    }

    [Fact]
    public void Skip_drops_the_leading_points_and_values_stay_in_the_unit_interval()
    {
        var all = SobolSequence.Generate(100, 7);
        var skipped = SobolSequence.Generate(90, 7, skip: 10);
        for (var i = 0; i < 90; i++) Assert.Equal(all[i + 10], skipped[i]);
        Assert.All(all, x => Assert.All(x, v => Assert.InRange(v, 0.0, Math.BitDecrement(1.0))));
    }

    [Fact]
    public void Too_many_dimensions_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SobolSequence.Generate(4, SobolSequence.MaxDimensions + 1));
    }
}
