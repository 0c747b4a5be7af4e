using PlaceSimulation.Scenarios;
using PlaceSimulation.Sensitivity;

namespace PlaceSimulation.Reports.Sweeps;

/// <summary>One parameter at the ends of its range, the others at the scenario's values: the tornado's bar.</summary>
public sealed record TornadoBar(string Parameter, double Low, double High, double AtLow, double AtBase, double AtHigh)
{
    public double Swing => Math.Abs(AtHigh - AtLow);
}

/// <summary>The sensitivity of one metric in one arm: the tornado, and the design's indices (Morris or Sobol) where it has them.</summary>
public sealed record MetricSensitivity(int Arm, int Metric, IReadOnlyList<TornadoBar> Tornado, IReadOnlyList<MorrisIndex>? Morris, IReadOnlyList<SobolIndex>? Sobol);

/// <summary>The sensitivity analysis of a sweep: per arm and measured metric, on the mean of replications at each point.</summary>
public static class SweepAnalysis
{
    public static IReadOnlyList<MetricSensitivity> Of(SweepResults results)
    {
        var plan = results.Plan;
        var design = plan.DesignPoints.ToArray();
        var basePoint = plan.Points.Single(p => p.Kind == "base");
        var list = new List<MetricSensitivity>();
        for (var a = 0; a < results.Arms; a++)
        for (var k = 0; k < results.Metrics.Count; k++)
        {
            var tornado = plan.Ranges.Select((range, i) =>
            {
                var low = plan.Points.Single(p => p.Kind == "low" && p.Parameter == i);
                var high = plan.Points.Single(p => p.Kind == "high" && p.Parameter == i);
                return new TornadoBar(range.Name, range.Low, range.High, results.Mean(low.Number, a, k), results.Mean(basePoint.Number, a, k), results.Mean(high.Number, a, k));
            }).OrderByDescending(b => double.IsFinite(b.Swing) ? b.Swing : -1).ToArray();
            var outputs = design.Select(p => results.Mean(p.Number, a, k)).ToArray();
            var seed = plan.Scenario.Spec.Seed;
            IReadOnlyList<MorrisIndex>? morris = plan.Block.Design == SweepDesign.Morris && outputs.All(double.IsFinite)
                ? MorrisAnalysis.Analyse(plan.Ranges, plan.Unit!, outputs, seed: seed) : null;
            IReadOnlyList<SobolIndex>? sobol = plan.Block.Design == SweepDesign.Sobol && outputs.All(double.IsFinite)
                ? SobolAnalysis.Analyse(plan.Ranges.Select(r => r.Name).ToArray(), outputs, plan.Block.Samples, seed: seed) : null;
            list.Add(new MetricSensitivity(a, k, tornado, morris, sobol));
        }
        return list;
    }
}
