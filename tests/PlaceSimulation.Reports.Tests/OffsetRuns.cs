using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Reports.Tests;

/// <summary>Small real runs of offset designs (in process, no Orleans), cached per design so tests share them.</summary>
public static class OffsetRuns
{
    /// <summary>A local change that works (caseworkers, advice) and national forces that bite (sanctions, a freeze, funding cuts).</summary>
    public const string Working = """
          local-change:
            description: caseworkers and more advice
            changes:
              - from: 2025-06
                set:
                  local.relational.budget_gbp_month_per_1000: 3000
                  local.systems_change.supportive_council_tax: true
                scale:
                  local.advice.budget_gbp_month_per_1000: 3
        """;

    /// <summary>A 'local change' that sets a lever to the value it already has: it changes nothing, so G is exactly 0.</summary>
    public const string DoesNothing = """
          local-change:
            description: nothing at all
            changes:
              - from: 2025-06
                scale:
                  local.advice.budget_gbp_month_per_1000: 1
        """;

    /// <summary>A 'local change' that closes advice, housing help and the crisis fund: it harms, so G is negative.</summary>
    public const string Harms = """
          local-change:
            description: closing services
            changes:
              - from: 2025-06
                set:
                  local.advice.budget_gbp_month_per_1000: 0
                  local.housing.budget_gbp_month_per_1000: 0
                  local.crisis_fund.budget_gbp_month_per_1000: 0
                  local.mental_health.budget_gbp_month_per_1000: 0
        """;

    public const string National = """
          national-forces:
            description: harsher sanctions, a freeze and cuts
            changes:
              - from: 2025-07
                scale:
                  national.sanctions.monthly_rate: 2
                  national.funding.vcse_scale: 0.7
                  national.funding.mental_health_scale: 0.7
                set:
                  national.benefits.uprating_annual: 0
                  national.funding.local_government_grant_scale: 0.8
        """;

    public static string Yaml(string local, int households = 400, int months = 18, int replications = 3, int seed = 7) => $"""
        name: offset-test
        title: Offset test
        question: How much of the local gain do national forces cancel?
        start: 2025-04
        months: {months}
        seed: {seed}
        replications: {replications}
        households: {households}
        places:
          - id: north
            preset: like-middlesbrough
          - id: town
            preset: like-east-lindsey
        policies:
        {local}
        {National}
        offset:
          local: local-change
          national: national-forces
        """;

    private static readonly Dictionary<string, (Scenario, ResultTable)> Cache = new();

    public static (Scenario Scenario, ResultTable Table) Run(string local, int households = 400, int months = 18, int replications = 3)
    {
        var yaml = Yaml(local, households, months, replications);
        lock (Cache)
        {
            if (Cache.TryGetValue(yaml, out var hit)) return hit;
            var scenario = ScenarioLoader.Parse("offset-test.yaml", yaml);
            var results = InProcessRunner.RunAsync(scenario.Spec).GetAwaiter().GetResult();
            var run = (scenario, ResultTable.From(scenario.Spec, results));
            Cache[yaml] = run;
            return run;
        }
    }
}
