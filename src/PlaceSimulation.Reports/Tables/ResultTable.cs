using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Reports.Tables;

/// <summary>
/// Every metric for every arm, replication, place and month, computed from a run's
/// counters: the tidy table all presenters read. Place index Places.Count is "all": the
/// places together, counters scaled by each place's weight and added in the scenario's
/// place order (so the sum is the same on every run).
/// </summary>
public sealed class ResultTable
{
    public const string AllPlaces = "all";

    private readonly double[] _values;

    public RunSpec Spec { get; }
    public IReadOnlyList<MetricDefinition> Metrics { get; }
    public IReadOnlyList<string> PlaceIds { get; }
    public int Arms => Spec.Arms.Count;
    public int Replications => Spec.Replications;
    public int Places => PlaceIds.Count;
    public int Months => Spec.Months;
    public int All => PlaceIds.Count - 1;

    private ResultTable(RunSpec spec, IReadOnlyList<MetricDefinition> metrics, double[] values)
    {
        Spec = spec;
        Metrics = metrics;
        PlaceIds = spec.Places.Select(p => p.Id).Append(AllPlaces).ToArray();
        _values = values;
    }

    public static ResultTable From(RunSpec spec, RunResults results)
    {
        var metrics = MetricCatalogue.All;
        var places = spec.Places.Count + 1;
        var values = new double[(long)spec.Arms.Count * spec.Replications * places * spec.Months * metrics.Count];
        var table = new ResultTable(spec, metrics, values);
        for (var a = 0; a < spec.Arms.Count; a++)
        for (var r = 0; r < spec.Replications; r++)
        for (var m = 0; m < spec.Months; m++)
        {
            var total = new double[Counter.Count];
            for (var p = 0; p < spec.Places.Count; p++)
            {
                var scaled = MetricCatalogue.Scale(results.Get(a, r, p, m), spec.Places[p].Weight);
                for (var i = 0; i < total.Length; i++) total[i] += scaled[i];
                table.Fill(a, r, p, m, scaled);
            }
            table.Fill(a, r, spec.Places.Count, m, total);
        }
        return table;
    }

    private void Fill(int arm, int rep, int place, int month, double[] scaled)
    {
        var o = Offset(arm, rep, place, month, 0);
        for (var k = 0; k < Metrics.Count; k++) _values[o + k] = Metrics[k].Compute(scaled);
    }

    private long Offset(int arm, int rep, int place, int month, int metric) =>
        ((((long)arm * Replications + rep) * Places + place) * Months + month) * Metrics.Count + metric;

    public int MetricIndex(string name)
    {
        for (var i = 0; i < Metrics.Count; i++) if (Metrics[i].Name == name) return i;
        throw new KeyNotFoundException($"no metric '{name}'");
    }

    public double Value(int arm, int rep, int place, int month, int metric) => _values[Offset(arm, rep, place, month, metric)];

    /// <summary>One value per replication.</summary>
    public double[] AcrossReplications(int arm, int place, int month, int metric)
    {
        var v = new double[Replications];
        for (var r = 0; r < Replications; r++) v[r] = Value(arm, r, place, month, metric);
        return v;
    }
}
