using System.Diagnostics;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Grains.Tests;

/// <summary>A small scenario (real YAML, read by the real loader) and ways to run it: on the cluster and in the pure loop.</summary>
public static class TestRuns
{
    /// <summary>Two places, two arms (the second with national and local levers), two replications, 12 months.</summary>
    public const string Yaml = """
        name: grain-test
        title: Grain test
        question: Do the grains give the pure loop's numbers?
        start: 2025-04
        months: 12
        seed: 20250401
        replications: 2
        households: 1000
        places:
          - id: northern-borough
            preset: like-middlesbrough
          - id: market-town
            preset: like-east-lindsey
        policies:
          national-cuts:
            description: Harsher sanctions and a cut in Universal Credit.
            changes:
              - from: 2025-07
                scale:
                  national.sanctions.monthly_rate: 2
                  national.universal_credit.rate_scale: 0.9
          caseworkers:
            description: Relational caseworkers in one place.
            changes:
              - from: 2025-06
                place: northern-borough
                set:
                  local.relational.budget_gbp_month_per_1000: 1500
        arms:
          current: []
          both: [national-cuts, caseworkers]
        """;

    public static RunSpec Spec(ScenarioOverrides? overrides = null) => ScenarioLoader.Parse("grain-test.yaml", Yaml, overrides).Spec;

    /// <summary>The reference: the whole run in this process, on one thread, with no Orleans.</summary>
    public static Task<RunResults> InProcess(RunSpec spec) => InProcessRunner.RunAsync(spec);

    /// <summary>Starts a run on the cluster, polls its progress until it has finished, and returns its results.</summary>
    public static async Task<RunResults> OnCluster(IClusterClient client, RunSpec spec, string runId)
    {
        var run = client.GetGrain<ISimulationGrain>(runId);
        await run.Start(spec);
        var waited = Stopwatch.StartNew();
        RunProgress progress;
        while (!(progress = await run.GetProgress()).Finished)
        {
            // A guard against a hung run, not a timing assertion.
            if (waited.Elapsed > TimeSpan.FromMinutes(3)) throw new TimeoutException($"run {runId} did not finish: {progress}");
            await Task.Delay(20);
        }
        Assert.Null(progress.Error);
        Assert.Equal(progress.PlaceMonthsTotal, progress.PlaceMonthsDone);
        return await run.GetResults();
    }

    /// <summary>A run id no other test uses.</summary>
    public static string NewRunId(string name) => $"{name}-{Guid.NewGuid():N}";
}
