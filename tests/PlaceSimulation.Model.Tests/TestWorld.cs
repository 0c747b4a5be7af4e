using PlaceSimulation.Model.Calendar;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Places;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Model.Tests;

/// <summary>Helpers to build contexts and small runs from the shipped parameters and real scenario text.</summary>
public static class TestWorld
{
    public static ModelParameters Defaults() => ParameterCatalogue.Embedded.Defaults();

    public static MonthContext Context(ModelParameters? p = null, PlaceSignals? s = null) =>
        new(0, new YearMonth(2025, 4), p ?? Defaults(), s ?? PlaceSignals.Initial, 12345, 678, 10);

    /// <summary>A scenario from YAML text (the same format as scenarios/), validated by the real loader.</summary>
    public static Scenario Scenario(string yaml, ScenarioOverrides? overrides = null) =>
        ScenarioLoader.Parse("test.yaml", yaml, overrides);

    /// <summary>A one-place scenario with the given arms (policies as YAML under 'policies:').</summary>
    public static string Yaml(int households = 2000, int months = 24, int replications = 1, string preset = "like-middlesbrough",
        string policies = "", string arms = "  base: []", int seed = 42) => $"""
        name: test
        title: Test
        question: A test?
        start: 2025-04
        months: {months}
        seed: {seed}
        replications: {replications}
        households: {households}
        places:
          - id: p
            preset: {preset}
        {(policies.Length > 0 ? "policies:\n" + policies : "")}
        arms:
        {arms}
        """;

    public static RunResults Run(RunSpec spec) => InProcessRunner.RunAsync(spec).GetAwaiter().GetResult();

    /// <summary>Mean over replications and the last <paramref name="lastMonths"/> months of a metric, for one arm.</summary>
    public static double Mean(RunSpec spec, RunResults r, int arm, string metric, int lastMonths = 6)
    {
        var def = MetricCatalogue.ByName[metric];
        var values = new List<double>();
        for (var rep = 0; rep < spec.Replications; rep++)
            for (var m = spec.Months - lastMonths; m < spec.Months; m++)
                values.Add(def.Compute(MetricCatalogue.Scale(r.Get(arm, rep, 0, m), spec.Places[0].Weight)));
        return values.Average();
    }
}
