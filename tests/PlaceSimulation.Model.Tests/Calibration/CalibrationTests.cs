using System.Globalization;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Reports.Calibration;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Model.Tests.Calibration;

/// <summary>The baseline must keep reproducing the national figures it is built from (calibration/targets.yaml).</summary>
public class CalibrationTests
{
    private static readonly Lazy<IReadOnlyList<CalibrationResult>> Results = new(() =>
    {
        var scenario = CalibrationFiles.Scenario();
        var results = InProcessRunner.RunAsync(scenario.Spec).GetAwaiter().GetResult();
        return CalibrationCheck.Evaluate(ResultTable.From(scenario.Spec, results), CalibrationFiles.Targets(MetricCatalogue.ByName.Keys.ToArray()));
    });

    [Fact]
    public void The_baseline_reproduces_every_national_figure_within_its_tolerance()
    {
        var failed = Results.Value.Where(r => !r.Pass)
            .Select(r => $"{r.Target.Key}: simulated {r.Simulated.Mean:G4}, target {r.Target.Target} ± {r.Target.Tolerance}").ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed));
        Assert.True(Results.Value.Count >= 14);
    }

    [Fact]
    public void Every_target_names_its_source_and_definition()
    {
        foreach (var t in CalibrationFiles.Targets(MetricCatalogue.ByName.Keys.ToArray()))
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Source), t.Metric);
            Assert.False(string.IsNullOrWhiteSpace(t.Definition), t.Metric);
            Assert.True(t.Tolerance > 0, t.Metric);
        }
    }

    [Fact]
    public void The_model_documentation_carries_the_calibration_table()
    {
        var doc = File.ReadAllText(RepositoryFiles.Path("docs", "MODEL.md"));
        foreach (var t in CalibrationFiles.Targets(MetricCatalogue.ByName.Keys.ToArray()))
        {
            var row = doc.Split('\n').FirstOrDefault(l => l.StartsWith($"| {t.Key} |", StringComparison.Ordinal));
            Assert.True(row is not null, $"docs/MODEL.md has no calibration row for {t.Key}");
            Assert.Contains($"| {CalibrationCheck.Number(t.Target)} | ±{CalibrationCheck.Number(t.Tolerance)} |", row);
            Assert.Contains("| pass |", row);
        }
    }
}
