using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Runs;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Cluster.Tests;

/// <summary>
/// Determinism by construction: the same scenario and seed give byte-identical counters whatever the
/// number of silos and the number of households per grain. Jobs spread over three silos, so
/// the client's calls and the months' counters cross silo boundaries serialized; a job's own
/// blocks and services stay on its place grain's silo.
/// </summary>
public class LayoutIdentityTests(ThreeSiloCluster three) : IClassFixture<ThreeSiloCluster>
{
    [Fact]
    public async Task Three_silos_give_the_counters_of_one_silo_and_of_the_pure_loop()
    {
        var spec = PinnedResultsTests.PinnedSpec();
        await using var one = await TestClusters.StartAsync(1);
        var onOne = await TestClusters.RunAsync(one.Client, spec);
        var onThree = await TestClusters.RunAsync(three.Cluster.Client, spec);

        Assert.Equal(3, three.Cluster.Silos.Count);
        Assert.Equal(PinnedResultsTests.OffsetPin, PinnedResultsTests.Hash(onOne));
        Assert.Equal(PinnedResultsTests.OffsetPin, PinnedResultsTests.Hash(onThree));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(1024)]
    public async Task Any_households_per_grain_gives_the_counters_of_the_pure_loop(int householdsPerGrain)
    {
        // Small enough that one grain per household stays quick: 4 arms × 3 places × 100 households.
        RunSpec Spec(int perGrain) => ScenarioLoader.Load(Repository.Scenario("offset.yaml"),
            new ScenarioOverrides(Replications: 1, Households: 300, Months: 36, HouseholdsPerGrain: perGrain)).Spec;
        var reference = await InProcessRunner.RunAsync(Spec(300));

        var onGrains = await TestClusters.RunAsync(three.Cluster.Client, Spec(householdsPerGrain));

        Assert.Equal(PinnedResultsTests.Hash(reference), PinnedResultsTests.Hash(onGrains));
    }

    [Fact]
    public async Task A_jobs_blocks_and_services_live_on_the_silo_of_its_place_grain()
    {
        // 4 arms × 3 places: twelve jobs of 1,000 households in four blocks each, all started
        // and one month in, so every job's grains are active at once.
        var spec = ScenarioLoader.Load(Repository.Scenario("offset.yaml"),
            new ScenarioOverrides(Replications: 1, Households: 3000, Months: 36, HouseholdsPerGrain: 250)).Spec;
        var client = three.Cluster.Client;
        var engine = new OrleansEngine(client, "placement test");
        var runId = $"placement-{Guid.NewGuid():N}";
        var jobs = spec.Jobs().ToList();
        var sessions = new List<IJobSession>();
        try
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a guard against a hang, not a timing assertion
            foreach (var job in jobs)
            {
                var session = await engine.StartAsync(runId, job, 1, guard.Token);
                sessions.Add(session);
                await session.NextMonthAsync(guard.Token);
            }

            var activations = (await client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics())
                .Select(a => (Key: a.GrainId.Key.ToString()!, a.SiloAddress))
                .Where(a => a.Key.StartsWith(runId + "/", StringComparison.Ordinal))
                .ToList();
            // A job's key is run/aA/rR/place/tT; its blocks' and services' keys add one more part.
            var byJob = activations.GroupBy(a => string.Join('/', a.Key.Split('/').Take(5))).ToList();

            Assert.Equal(jobs.Count, byJob.Count);
            foreach (var job in byJob)
            {
                Assert.True(job.Count() >= 1 + 4 + 1, $"{job.Key}: {job.Count()} activations (a place, its blocks and its services)");
                var silos = job.Select(a => a.SiloAddress).Distinct().ToList();
                Assert.True(silos.Count == 1, $"{job.Key} has grains on {silos.Count} silos: {string.Join(", ", job.Select(a => $"{a.Key} on {a.SiloAddress}"))}");
            }
        }
        finally
        {
            foreach (var session in sessions) await session.DisposeAsync();
        }
    }
}
