using PlaceSimulation.Client.Example;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Grains.Tests;

/// <summary>docs/CLIENT.md's example is this project's ClientExample.cs, compiled here and run against a live (test) cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClientExampleTests(ClusterFixture cluster)
{
    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PlaceSimulation.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("the repository root (PlaceSimulation.sln) is not above the tests");
    }

    [Fact]
    public void The_documented_example_is_the_compiled_one()
    {
        var code = File.ReadAllText(Path.Combine(Root(), "tests", "PlaceSimulation.Grains.Tests", "ClientExample.cs")).Trim();
        var doc = File.ReadAllText(Path.Combine(Root(), "docs", "CLIENT.md"));
        Assert.Contains(code, doc.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task The_example_runs_a_job_on_a_live_cluster_with_the_numbers_of_the_pure_loop()
    {
        var yaml = File.ReadAllText(Path.Combine(Root(), "scenarios", "offset.yaml"));

        var poverty = await ClientExample.PovertyByMonthAsync(cluster.Client, yaml);

        var job = ScenarioLoader.Parse("example.yaml", yaml).Spec.Jobs().First();
        var reference = new InProcessPlace(job);
        var clock = new PlaceClock(job);
        var expected = new List<long>();
        while (!clock.Finished)
        {
            var r = await clock.StepAsync(reference);
            if (r.Month >= 0) expected.Add(r.Counters[Counter.PeopleInPoverty]);
        }
        Assert.Equal(job.Months, poverty.Count);
        Assert.Equal(expected, poverty);
    }
}
