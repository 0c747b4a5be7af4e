using System.Text;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Model.Tests.Scenarios;

/// <summary>Input that cannot overflow: levers within bounds, runs within what the machine holds, files within a size, loading linear.</summary>
public class InputBoundsTests
{
    private static string Policy(string op, string path, string value, string month = "2025-06") => $"""
          push:
            description: a lever pushed hard
            changes:
              - from: {month}
                {op}:
                  {path}: {value}
        """;

    [Theory]
    [InlineData("add", "economy.cpi_annual", "1e300", "would make it 1E+300: expected -0.1 to 0.5")]
    [InlineData("scale", "national.universal_credit.standard_allowance_single_gbp_month", "100", "would make it 40014: expected 0 to 5000")]
    [InlineData("add", "economy.cpi_annual", "-0.2", "would make it -0.175: expected -0.1 to 0.5")]
    public void A_lever_that_takes_its_parameter_beyond_its_bounds_is_refused_at_its_line(string op, string path, string value, string expected)
    {
        var ex = Assert.Throws<ScenarioException>(() => TestWorld.Scenario(TestWorld.Yaml(policies: Policy(op, path, value), arms: "  push: [push]")));
        var e = Assert.Single(ex.Errors);
        Assert.Equal("test.yaml", e.File);
        Assert.Equal(18, e.Line);
        Assert.Equal($"policies.push.changes[0].{op}.{path}", e.Field);
        Assert.Contains(expected, e.Message);
        Assert.Contains("arm 'push'", e.Message);
        Assert.Contains("from 2025-06", e.Message);   // the lever's month as written, not its index
    }

    [Fact]
    public void Levers_that_stay_within_bounds_one_after_another_are_accepted()
    {
        var s = TestWorld.Scenario(TestWorld.Yaml(policies: Policy("add", "economy.cpi_annual", "0.3"), arms: "  push: [push]"));
        Assert.Equal(0.3, Assert.Single(s.Spec.Arms[0].Changes).Value);
    }

    [Fact]
    public void Every_parameter_has_hard_bounds_around_its_value()
    {
        var catalogue = ParameterCatalogue.Embedded;
        foreach (var p in catalogue.Parameters.Values)
        {
            Assert.True(p.Min is not null && p.Max is not null, $"{p.Path} ({p.File}) has no min or max");
            Assert.InRange(p.Value, p.Min!.Value, p.Max!.Value);
        }
        var missing = ParameterCatalogue.Load([("parameters/economy.yaml", """
            description: test
            parameters:
              cpi_annual:
                value: 0.025
                unit: share/year
                min: -0.1
                description: test
                assumption: test
            """)]);
        Assert.Contains(missing.Problems, e => e.Field == "economy.cpi_annual" && e.Message.Contains("needs 'min' and 'max'"));
    }

    [Fact]
    public void A_run_too_large_for_the_machine_is_refused_in_one_sentence_before_it_starts()
    {
        // 100,000 replications of 4 arms and 24 months: billions of result values.
        var ex = Assert.Throws<ScenarioException>(() => TestWorld.Scenario(
            TestWorld.Yaml(months: 120, replications: 100_000, policies: Policy("add", "economy.cpi_annual", "0.01"),
                arms: "  a: []\n  b: [push]\n  c: []\n  d: [push]")));
        var e = Assert.Single(ex.Errors);
        Assert.Equal("(run size)", e.Field);
        Assert.Contains("exceed what this machine can hold", e.Message);
        Assert.Contains("use fewer replications or months", e.Message);
    }

    [Fact]
    public void The_run_size_bound_follows_the_memory_it_is_given()
    {
        var spec = TestWorld.Scenario(TestWorld.Yaml(households: 2000)).Spec;
        Assert.Empty(RunChecks.Size(spec, 8L << 30));
        var tight = Assert.Single(RunChecks.Size(spec with { Places = [spec.Places[0] with { SimulatedHouseholds = 50_000_000 }] }, 8L << 30));
        Assert.Contains("a place of 50,000,000 simulated households needs about", tight);
    }

    [Fact]
    public void A_scenario_file_larger_than_the_cap_is_refused_without_being_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"placesim-large-{Guid.NewGuid():N}.yaml");
        try
        {
            using (var f = File.Create(path)) f.SetLength(ScenarioLoader.MaxFileBytes + 1);
            var e = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path)).Errors);
            Assert.Contains("a scenario file may be at most 1,048,576 bytes", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Many_places_load_with_a_duplicate_id_found_and_loading_stops_when_cancelled()
    {
        static string Places(int n, string last)
        {
            var sb = new StringBuilder(TestWorld.Yaml(households: 20_000).Split("places:")[0] + "places:\n");
            for (var i = 0; i < n; i++) sb.Append($"  - id: p{i}\n    preset: like-middlesbrough\n");
            sb.Append($"  - id: {last}\n    preset: like-middlesbrough\n");
            return sb.Append("arms:\n  base: []\n").ToString();
        }
        // The duplicate-id check is a hash set (it was a scan of every earlier place: quadratic).
        Assert.Equal(8001, TestWorld.Scenario(Places(8000, "last")).Spec.Places.Count);
        var e = Assert.Single(Assert.Throws<ScenarioException>(() => TestWorld.Scenario(Places(8000, "p17"))).Errors);
        Assert.Contains("place id 'p17' is used twice", e.Message);
        Assert.Contains("expected at most 10,000", Assert.Single(Assert.Throws<ScenarioException>(() => TestWorld.Scenario(Places(10_000, "last"))).Errors).Message);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => ScenarioLoader.Parse("test.yaml", Places(100, "last"), cancel: cancelled.Token));
    }

    [Fact]
    public void A_counter_term_beyond_the_models_range_fails_instead_of_wrapping_round()
    {
        Assert.Equal(12_345, Counter.Pence(123.45));
        var e = Assert.Throws<OverflowException>(() => Counter.Pence(1e300));
        Assert.Contains("a counter overflowed", e.Message);
        Assert.Throws<OverflowException>(() => Counter.Pence(double.NaN));
        Assert.Throws<OverflowException>(() => Counter.Micros(double.PositiveInfinity));

        var total = Counter.New();
        var part = Counter.New();
        total[Counter.DebtPence] = long.MaxValue - 1;
        part[Counter.DebtPence] = 2;
        Assert.Throws<OverflowException>(() => Counter.AddInto(total, part));
    }

    [Fact]
    public void A_job_and_a_lever_are_checked_alike_on_either_side()
    {
        var spec = TestWorld.Scenario(TestWorld.Yaml()).Spec;
        var job = PlaceJob.Of(spec, 0, 0, 0);
        Assert.Null(RunChecks.Job(job));
        Assert.Contains("months must be at least 1", RunChecks.Job(job with { Months = -3 }));
        Assert.Contains("no parameter 'no.such'", RunChecks.Lever(new ParameterChange("no.such", 1, ChangeOp.Set, 1, null, 0, "x")));
        Assert.Contains("no finite value", RunChecks.Lever(new ParameterChange("economy.cpi_annual", 1, ChangeOp.Set, double.NaN, null, 0, "x")));
        Assert.Contains("the run has no arms", Assert.Single(RunChecks.Run(spec with { Arms = [] })));
        Assert.Contains("replications must be from 1", Assert.Single(RunChecks.Run(spec with { Replications = 0 })));
    }
}
