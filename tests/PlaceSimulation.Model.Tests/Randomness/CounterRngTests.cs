using PlaceSimulation.Model.Randomness;

namespace PlaceSimulation.Model.Tests.Randomness;

public class CounterRngTests
{
    [Fact]
    public void The_same_key_always_gives_the_same_number()
    {
        var k = CounterRng.EntityMonthKey(CounterRng.ReplicationKey(42, 3), 1001, 17);
        Assert.Equal(CounterRng.Uniform(k, RandomStream.JobLoss1), CounterRng.Uniform(k, RandomStream.JobLoss1));
        Assert.Equal(0x47BCEB8C23E3EEB0UL, CounterRng.Bits(CounterRng.EntityMonthKey(CounterRng.ReplicationKey(1, 0), 0, 0), RandomStream.Population));
    }

    [Fact]
    public void Streams_households_months_and_replications_draw_different_numbers()
    {
        var rep = CounterRng.ReplicationKey(42, 0);
        var k = CounterRng.EntityMonthKey(rep, 7, 3);
        var draws = new HashSet<double>
        {
            CounterRng.Uniform(k, RandomStream.JobLoss1),
            CounterRng.Uniform(k, RandomStream.JobLoss2),
            CounterRng.Uniform(CounterRng.EntityMonthKey(rep, 8, 3), RandomStream.JobLoss1),
            CounterRng.Uniform(CounterRng.EntityMonthKey(rep, 7, 4), RandomStream.JobLoss1),
            CounterRng.Uniform(CounterRng.EntityMonthKey(CounterRng.ReplicationKey(42, 1), 7, 3), RandomStream.JobLoss1),
            CounterRng.Uniform(CounterRng.EntityMonthKey(CounterRng.ReplicationKey(43, 0), 7, 3), RandomStream.JobLoss1),
        };
        Assert.Equal(6, draws.Count);
    }

    [Fact]
    public void Uniform_draws_are_evenly_spread_and_normal_draws_standard()
    {
        var rep = CounterRng.ReplicationKey(9, 0);
        const int n = 200_000;
        double sum = 0, sumN = 0, sumN2 = 0;
        var below = 0;
        for (var i = 0; i < n; i++)
        {
            var k = CounterRng.EntityMonthKey(rep, (ulong)i, 5);
            var u = CounterRng.Uniform(k, RandomStream.TakeUp);
            Assert.InRange(u, 0, 1 - 1e-17);
            sum += u;
            if (u < 0.1) below++;
            var z = CounterRng.Normal(k, RandomStream.PopulationWage);
            sumN += z;
            sumN2 += z * z;
        }
        Assert.InRange(sum / n, 0.497, 0.503);
        Assert.InRange(below / (double)n, 0.097, 0.103);
        Assert.InRange(sumN / n, -0.01, 0.01);
        Assert.InRange(sumN2 / n, 0.98, 1.02);
    }
}
