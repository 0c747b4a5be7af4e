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

    /// <summary>Runs a spec on the cluster through the run pipeline, as the CLI does, and returns its counters.</summary>
    public static async Task<RunResults> OnCluster(IClusterClient client, RunSpec spec, Runs.RetryPolicy? retry = null)
    {
        var sink = new Runs.ResultsSink(spec);
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3)); // a guard against a hung run, not a timing assertion
        await Runs.RunPipeline.RunAsync(spec, new Runs.OrleansEngine(client, "test cluster"), sink, retry: retry, cancel: guard.Token);
        return sink.Results;
    }

    /// <summary>A run id no other test uses.</summary>
    public static string NewRunId(string name) => $"{name}-{Guid.NewGuid():N}";
}
