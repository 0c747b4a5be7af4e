using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Reports.Sweeps;

/// <summary>
/// What a sweep measured: for every point, arm and replication, each measured metric for all
/// the places together (at the horizon, or the mean of the last 12 months), and each
/// metric's monthly path in the first arm (the mean of replications) for the fan chart.
/// Built point by point from the jobs' counters, through the same result table as a run, so
/// a point's numbers are those a run of that point alone would give.
/// </summary>
public sealed class SweepResults
{
    private readonly double[] _measures;
    private readonly double[] _paths;

    private SweepResults(SweepPlan plan, IReadOnlyList<MetricDefinition> metrics, double[] measures, double[] paths)
    {
        Plan = plan;
        Metrics = metrics;
        _measures = measures;
        _paths = paths;
    }

    public SweepPlan Plan { get; }
    public IReadOnlyList<MetricDefinition> Metrics { get; }
    public int Arms => Plan.Scenario.Spec.Arms.Count;
    public int Replications => Plan.Scenario.Spec.Replications;
    public int Months => Plan.Scenario.Spec.Months;

    /// <param name="jobCounters">arm, replication, place (in <see cref="SweepPlan.Spec"/>) → months × counters</param>
    public static SweepResults From(SweepPlan plan, Func<int, int, int, long[]> jobCounters)
    {
        var block = plan.Block;
        var metrics = (block.Metrics.Count > 0 ? block.Metrics : MetricCatalogue.Headline).Select(m => MetricCatalogue.ByName[m]).ToArray();
        var spec = plan.Scenario.Spec;
        var (arms, reps, months, points) = (spec.Arms.Count, spec.Replications, spec.Months, plan.Points.Count);
        var measures = new double[(long)points * arms * reps * metrics.Length];
        var paths = new double[(long)points * metrics.Length * months];
        foreach (var point in plan.Points)
        {
            var table = ResultTable.FromJobs(plan.PointSpec(point), (a, r, p) => jobCounters(a, r, plan.PlaceIndex(point, p)), memoryLimit: 0);
            var p0 = point.Number - 1;
            for (var k = 0; k < metrics.Length; k++)
            {
                var column = table.MetricIndex(metrics[k].Name);
                for (var a = 0; a < arms; a++)
                for (var r = 0; r < reps; r++)
                    measures[Index(p0, a, r, k, arms, reps, metrics.Length)] = Read(table, a, r, column, block.At);
                for (var m = 0; m < months; m++)
                {
                    var sum = 0.0;
                    for (var r = 0; r < reps; r++) sum += table.Value(0, r, table.All, m, column);
                    paths[((long)p0 * metrics.Length + k) * months + m] = sum / reps;
                }
            }
        }
        return new SweepResults(plan, metrics, measures, paths);
    }

    private static double Read(ResultTable t, int arm, int rep, int metric, SweepAt at)
    {
        if (at == SweepAt.Horizon) return t.Value(arm, rep, t.All, t.Months - 1, metric);
        var values = Enumerable.Range(Math.Max(0, t.Months - 12), Math.Min(12, t.Months))
            .Select(m => t.Value(arm, rep, t.All, m, metric)).Where(double.IsFinite).ToArray();
        return values.Length == 0 ? double.NaN : values.Average();
    }

    private static long Index(int point, int arm, int rep, int metric, int arms, int reps, int metrics) =>
        (((long)point * arms + arm) * reps + rep) * metrics + metric;

    /// <summary>A metric of a point (numbered from 1), arm and replication.</summary>
    public double Measure(int point, int arm, int rep, int metric) => _measures[Index(point - 1, arm, rep, metric, Arms, Replications, Metrics.Count)];

    /// <summary>The mean over replications of a metric of a point and arm.</summary>
    public double Mean(int point, int arm, int metric)
    {
        var sum = 0.0;
        for (var r = 0; r < Replications; r++) sum += Measure(point, arm, r, metric);
        return sum / Replications;
    }

    /// <summary>A metric's value in a month, the first arm, mean of replications.</summary>
    public double Path(int point, int metric, int month) => _paths[((long)(point - 1) * Metrics.Count + metric) * Months + month];
}
