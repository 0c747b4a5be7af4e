using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Reports.Tables;

/// <summary>
/// Every metric for every arm, replication, place and month, computed from a run's
/// counters: the tidy table all presenters read. Place index Places.Count is "all": the
/// places together, counters scaled by each place's weight and added in the scenario's
/// place order (so the sum is the same on every run).
/// <para>
/// The rows of all places together are always held in memory (they do not grow with the
/// number of places). The rows of each place are held in memory while they fit in
/// <see cref="DefaultMemoryLimit"/>; beyond that they are computed again, a job (arm,
/// replication, place) at a time, from the job's counters where the run keeps them (its
/// journal), and the last few jobs' rows are kept. So the memory a table needs does not
/// grow with the size of a run's results; the numbers are the same either way.
/// </para>
/// </summary>
public sealed class ResultTable
{
    public const string AllPlaces = "all";

    /// <summary>Place rows held in memory at most (bytes); a larger table reads them back job by job.</summary>
    public const long DefaultMemoryLimit = 256L * 1024 * 1024;

    /// <summary>Jobs whose rows are kept when they are read back (enough for every arm and replication of a place).</summary>
    private const int SlicesKept = 256;

    private readonly double[] _all;
    private readonly double[]? _places;
    private readonly Func<int, int, int, long[]>? _source;
    private readonly SliceCache? _cache;

    public RunSpec Spec { get; }
    public IReadOnlyList<MetricDefinition> Metrics { get; }
    public IReadOnlyList<string> PlaceIds { get; }
    public int Arms => Spec.Arms.Count;
    public int Replications => Spec.Replications;
    public int Places => PlaceIds.Count;
    public int Months => Spec.Months;
    public int All => PlaceIds.Count - 1;

    /// <summary>True when place rows are read back from the run's job counters instead of being held in memory.</summary>
    public bool ReadsBack => _places is null;

    private ResultTable(RunSpec spec, bool inMemory, Func<int, int, int, long[]>? source)
    {
        Spec = spec;
        Metrics = MetricCatalogue.All;
        PlaceIds = spec.Places.Select(p => p.Id).Append(AllPlaces).ToArray();
        _all = new double[(long)spec.Arms.Count * spec.Replications * spec.Months * Metrics.Count];
        if (inMemory) _places = new double[(long)spec.Arms.Count * spec.Replications * spec.Places.Count * spec.Months * Metrics.Count];
        else
        {
            _source = source;
            _cache = new SliceCache(SlicesKept);
        }
    }

    /// <summary>Bytes the place rows of a run would take in memory.</summary>
    public static long PlaceRowBytes(RunSpec spec) =>
        (long)spec.Arms.Count * spec.Replications * spec.Places.Count * spec.Months * MetricCatalogue.All.Count * sizeof(double);

    /// <summary>A table of counters held in memory.</summary>
    public static ResultTable From(RunSpec spec, RunResults results) =>
        FromJobs(spec, (a, r, p) => JobCounters(results, a, r, p, spec.Months), long.MaxValue);

    /// <summary>
    /// A table of counters read a job at a time (<paramref name="jobCounters"/>: arm, replication,
    /// place → months × <see cref="Counter.Count"/> counters). The place rows are held in memory
    /// if they fit in <paramref name="memoryLimit"/> bytes; otherwise the source is read again
    /// whenever a place's rows are needed, so it must stay readable while the table is used.
    /// </summary>
    public static ResultTable FromJobs(RunSpec spec, Func<int, int, int, long[]> jobCounters, long memoryLimit = DefaultMemoryLimit)
    {
        var table = new ResultTable(spec, PlaceRowBytes(spec) <= memoryLimit, jobCounters);
        var n = Counter.Count;
        var total = new double[(long)spec.Months * n];
        for (var a = 0; a < spec.Arms.Count; a++)
        for (var r = 0; r < spec.Replications; r++)
        {
            Array.Clear(total);
            for (var p = 0; p < spec.Places.Count; p++)
            {
                var counters = jobCounters(a, r, p);
                var weight = spec.Places[p].Weight;
                for (var m = 0; m < spec.Months; m++)
                {
                    var scaled = MetricCatalogue.Scale(counters.AsSpan(m * n, n), weight);
                    for (var i = 0; i < n; i++) total[(long)m * n + i] += scaled[i];
                    if (table._places is not null) table.Compute(scaled, table._places, table.PlaceOffset(a, r, p, m, 0));
                }
            }
            for (var m = 0; m < spec.Months; m++)
                table.Compute(total.AsSpan(m * n, n).ToArray(), table._all, table.AllOffset(a, r, m, 0));
        }
        return table;
    }

    private static long[] JobCounters(RunResults results, int arm, int rep, int place, int months)
    {
        var n = Counter.Count;
        var values = new long[(long)months * n];
        for (var m = 0; m < months; m++) results.Get(arm, rep, place, m).CopyTo(values.AsSpan(m * n, n));
        return values;
    }

    private void Compute(double[] scaled, double[] into, long offset)
    {
        for (var k = 0; k < Metrics.Count; k++) into[offset + k] = Metrics[k].Compute(scaled);
    }

    private long AllOffset(int arm, int rep, int month, int metric) =>
        (((long)arm * Replications + rep) * Months + month) * Metrics.Count + metric;

    private long PlaceOffset(int arm, int rep, int place, int month, int metric) =>
        ((((long)arm * Replications + rep) * Spec.Places.Count + place) * Months + month) * Metrics.Count + metric;

    public int MetricIndex(string name)
    {
        for (var i = 0; i < Metrics.Count; i++) if (Metrics[i].Name == name) return i;
        throw new KeyNotFoundException($"no metric '{name}'");
    }

    public double Value(int arm, int rep, int place, int month, int metric)
    {
        if (place == All) return _all[AllOffset(arm, rep, month, metric)];
        if (_places is not null) return _places[PlaceOffset(arm, rep, place, month, metric)];
        return Slice(arm, rep, place)[(long)month * Metrics.Count + metric];
    }

    /// <summary>One value per replication.</summary>
    public double[] AcrossReplications(int arm, int place, int month, int metric)
    {
        var v = new double[Replications];
        for (var r = 0; r < Replications; r++) v[r] = Value(arm, r, place, month, metric);
        return v;
    }

    /// <summary>Every metric of every month of one job, computed from its counters as the in-memory table is.</summary>
    private double[] Slice(int arm, int rep, int place)
    {
        var key = ((long)arm * Replications + rep) * Spec.Places.Count + place;
        return _cache!.Get(key, () =>
        {
            var n = Counter.Count;
            var counters = _source!(arm, rep, place);
            var weight = Spec.Places[place].Weight;
            var slice = new double[(long)Months * Metrics.Count];
            for (var m = 0; m < Months; m++)
                Compute(MetricCatalogue.Scale(counters.AsSpan(m * n, n), weight), slice, (long)m * Metrics.Count);
            return slice;
        });
    }

    /// <summary>The rows of the last jobs read back, least recently used first out; safe from several threads.</summary>
    private sealed class SliceCache(int capacity)
    {
        private readonly Dictionary<long, LinkedListNode<(long Key, double[] Rows)>> _map = new();
        private readonly LinkedList<(long Key, double[] Rows)> _order = new();

        public double[] Get(long key, Func<double[]> make)
        {
            lock (_map)
            {
                if (_map.TryGetValue(key, out var node))
                {
                    _order.Remove(node);
                    _order.AddFirst(node);
                    return node.Value.Rows;
                }
            }
            var rows = make();
            lock (_map)
            {
                if (_map.TryGetValue(key, out var node)) return node.Value.Rows;
                _map[key] = _order.AddFirst((key, rows));
                if (_map.Count > capacity)
                {
                    _map.Remove(_order.Last!.Value.Key);
                    _order.RemoveLast();
                }
                return rows;
            }
        }
    }
}
