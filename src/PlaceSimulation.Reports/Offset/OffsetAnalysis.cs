using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Randomness;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Reports.Offset;

/// <summary>
/// The offset analysis of a run (docs/OFFSET.md): for each metric, place and
/// month, the local effect, national effect, interaction, net and offset share with their
/// means and 90% intervals over replications (changes in the metric: positive = higher). It reads the ResultTable only. Arms share their
/// households and random draws (common random numbers), so each replication's differences
/// between arms are paired and their intervals narrow.
/// </summary>
public sealed class OffsetAnalysis
{
    /// <summary>The metrics analysed: the poverty measures, destitution, and unmet needs in all and by domain.</summary>
    public static readonly string[] Metrics =
    [
        "poverty_rate_ahc", "child_poverty_rate", "deep_poverty_rate", "destitution_rate", "unmet_needs",
        "unmet_needs_income", "unmet_needs_debt", "unmet_needs_housing", "unmet_needs_physical_health", "unmet_needs_mental_health", "unmet_needs_isolation",
    ];

    /// <summary>The metrics the charts and report lead with.</summary>
    public static readonly string[] Headline = ["poverty_rate_ahc", "destitution_rate", "child_poverty_rate"];

    private readonly Dictionary<string, OffsetPoint[]> _points;

    public ResultTable Table { get; }
    public OffsetDesign Design { get; }
    public OffsetArms Arms { get; }
    public int Horizon => Table.Months - 1;

    private OffsetAnalysis(ResultTable table, OffsetDesign design, OffsetArms arms, Dictionary<string, OffsetPoint[]> points)
    {
        Table = table;
        Design = design;
        Arms = arms;
        _points = points;
    }

    public IEnumerable<string> MetricNames => _points.Keys;

    /// <summary>The analysis of one metric, for a place index of the table (Table.All for all places) and a month index.</summary>
    public OffsetPoint Point(string metric, int place, int month) => _points[metric][place * Table.Months + month];

    /// <summary>All places together at the horizon (the last month): what summary.json reports.</summary>
    public OffsetPoint AtHorizon(string metric) => Point(metric, Table.All, Horizon);

    public MetricDefinition Definition(string metric) => Table.Metrics[Table.MetricIndex(metric)];

    public static OffsetAnalysis Of(ResultTable table, OffsetDesign design)
    {
        var arms = OffsetArms.Find(table.Spec, design)
            ?? throw new InvalidOperationException($"the run has no arms for the offset design: expected arms '{OffsetDesign.Neither}', '{OffsetDesign.LocalOnly}', '{OffsetDesign.NationalOnly}' and '{OffsetDesign.Both}'");
        // Metrics in parallel: each point has its own bootstrap stream, so the result does not depend on the order.
        var lists = new OffsetPoint[Metrics.Length][];
        Parallel.For(0, Metrics.Length, i =>
        {
            var k = table.MetricIndex(Metrics[i]);
            var def = table.Metrics[k];
            var list = new OffsetPoint[table.Places * table.Months];
            for (var p = 0; p < table.Places; p++)
            for (var m = 0; m < table.Months; m++)
                list[p * table.Months + m] = Analyse(table, arms, def, k, p, m, BootstrapSeed(table.Spec, Metrics[i], table.PlaceIds[p], m));
            lists[i] = list;
        });
        var points = new Dictionary<string, OffsetPoint[]>(StringComparer.Ordinal);
        for (var i = 0; i < Metrics.Length; i++) points[Metrics[i]] = lists[i];
        return new OffsetAnalysis(table, design, arms, points);
    }

    private static OffsetPoint Analyse(ResultTable t, OffsetArms arms, MetricDefinition def, int k, int place, int month, ulong seed)
    {
        var levels = arms.InOrder.Select(a => Interval.Of(t.AcrossReplications(a, place, month, k))).ToArray();
        var reps = new Decomposition[t.Replications];
        for (var r = 0; r < t.Replications; r++)
        {
            var y = new ArmValues(t.Value(arms.Neither, r, place, month, k), t.Value(arms.Local, r, place, month, k),
                t.Value(arms.National, r, place, month, k), t.Value(arms.Both, r, place, month, k));
            reps[r] = Decomposition.Of(y);
        }
        var estimates = new Dictionary<OffsetMeasure, Estimate>();
        foreach (var measure in OffsetMeasures.Differences)
        {
            var i = Interval.Of(reps.Select(d => d[measure]).ToArray());
            estimates[measure] = double.IsNaN(i.Mean)
                ? Estimate.NoNumber(EstimateStatus.Undefined, OffsetShare.MetricUndefined)
                : new Estimate(i.Mean, i.Lo, i.Hi, EstimateStatus.Defined, null);
        }
        estimates[OffsetMeasure.OffsetShare] = OffsetShare.Estimate(reps.Select(d => d.LocalEffect).ToArray(), reps.Select(d => d.Net).ToArray(), def.LowerIsBetter, seed);
        return new OffsetPoint(def.Name, place, month, levels, reps, estimates);
    }

    /// <summary>Each (metric, place, month) has its own bootstrap stream, derived from the run's seed.</summary>
    private static ulong BootstrapSeed(RunSpec spec, string metric, string place, int month) =>
        CounterRng.Mix(spec.Seed ^ PlaceKeys.Of(metric) ^ CounterRng.Mix(PlaceKeys.Of(place) + (ulong)month));
}
