using PlaceSimulation.Model.Households;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Randomness;
using PlaceSimulation.Model.Services;

namespace PlaceSimulation.Model.Tests.Metrics;

/// <summary>The household loop's fast paths give the very numbers of the plain code they replace.</summary>
public class CounterTermTests
{
    [Fact]
    public void Pence_and_micros_round_half_away_from_zero_as_math_round_does()
    {
        var values = new List<double> { 0, -0.0, 0.005, -0.005, 0.015, 0.025, -0.025, 1.005, 2.5e-3, 0.49999999999999994 / 100, 123.455, -123.455, 4e8, -4e8 };
        for (var i = 0; i < 100_000; i++)
        {
            var u = CounterRng.Uniform(0x5EED, RandomStream.TieBreak, i);
            values.Add((u - 0.5) * Math.Pow(10, i % 10));   // up to 5e8: beyond the range at the top, which is skipped
            values.Add(Math.Round((u - 0.5) * 2000, 3) + 0.005);   // halves of a penny, as money amounts often are
        }
        foreach (var v in values)
        {
            if (Math.Abs(v * 100.0) <= Counter.MaxTerm)
                Assert.Equal((long)Math.Round(v * 100.0, MidpointRounding.AwayFromZero), Counter.Pence(v));
            if (Math.Abs(v * 1_000_000.0) <= Counter.MaxTerm)
                Assert.Equal((long)Math.Round(v * 1_000_000.0, MidpointRounding.AwayFromZero), Counter.Micros(v));
        }
    }

    [Fact]
    public void The_needs_lie_in_domain_order_and_read_as_the_named_fields()
    {
        var h = new Household { NeedIncome = 0.1f, NeedDebt = 0.2f, NeedHousing = 0.3f, NeedPhysical = 0.4f, NeedMental = 0.5f, NeedIsolation = 0.6f };
        for (var d = 0; d < NeedDomains.Count; d++)
        {
            Assert.Equal((d + 1) / 10f, h.Need((NeedDomain)d));
            Assert.Equal((d + 1) / 10f, h.Needs[d]);
        }
        h.SetNeed(NeedDomain.MentalHealth, 2f);
        Assert.Equal(1f, h.NeedMental);
    }
}

/// <summary>Service allocation selects the granted keys instead of sorting them all: the same set.</summary>
public class SelectSmallestTests
{
    [Theory]
    [InlineData(2, 1)]
    [InlineData(10, 3)]
    [InlineData(1000, 1)]
    [InlineData(1000, 500)]
    [InlineData(1000, 999)]
    [InlineData(5000, 1234)]
    public void The_first_k_are_the_k_smallest(int n, int k)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var keys = new ulong[n];
            for (var i = 0; i < n; i++)
                keys[i] = (CounterRng.Bits((ulong)seed, RandomStream.TieBreak, i) >> (seed % 3 * 20)) ^ (ulong)i;   // small ranges too
            keys = keys.Distinct().ToArray();
            if (k >= keys.Length) continue;
            var sorted = keys.Order().ToArray();
            ServiceAllocation.SelectSmallest(keys, k);
            Assert.Equal(sorted[..k], keys[..k].Order().ToArray());
        }
    }
}
