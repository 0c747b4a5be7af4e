using System.Runtime.InteropServices;
using System.Security.Cryptography;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Cluster.Tests;

/// <summary>
/// The counters of a small fixed run, pinned by their SHA-256. Recorded before any speed work
/// (issue 5), so optimising the plumbing (blocks, merges, messages, hosting) can never change a
/// number unnoticed. Change the pin only when a model rule changes on purpose, and say so in
/// the commit.
/// </summary>
public class PinnedResultsTests
{
    /// <summary>offset.yaml: 4 arms × 2 replications × 3 places, 3,000 households, 36 months (+36 burn-in, the default).</summary>
    public const string OffsetPin = "4C80D2E58BCE9112136848ADEADA26F95A22BB455EC62E189049DD06ED91E890";

    public static RunSpec PinnedSpec(int? householdsPerGrain = null) =>
        ScenarioLoader.Load(Repository.Scenario("offset.yaml"),
            new ScenarioOverrides(Replications: 2, Households: 3000, Months: 36, HouseholdsPerGrain: householdsPerGrain)).Spec;

    public static string Hash(RunResults results) =>
        Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(results.Counters.AsSpan())));

    [Fact]
    public async Task The_pure_loop_gives_the_pinned_counters()
    {
        var results = await InProcessRunner.RunAsync(PinnedSpec());
        Assert.Equal(OffsetPin, Hash(results));
    }
}
