using PlaceSimulation.Model.Parameters;

namespace PlaceSimulation.Model.Simulation;

/// <summary>
/// The parameters of one place in one arm, month by month: the base set (defaults and the
/// place preset) with every change dated on or before the month applied in order. The sets
/// are built once per distinct combination of changes and shared (treat them as
/// read-only). Live changes (a trainer pulling a lever) can be added for later months.
/// </summary>
public sealed class ParameterTimeline
{
    private readonly double[] _base;
    private readonly List<ParameterChange> _changes;
    private readonly Dictionary<int, ModelParameters> _cache = new();

    public ParameterTimeline(ModelParameters baseParameters, IEnumerable<ParameterChange> changes)
    {
        _base = ParameterSchema.Instance.ToVector(baseParameters);
        _changes = changes.OrderBy(c => c.FromMonth).ThenBy(c => c.Sequence).ToList();
        foreach (var c in _changes) _ = ParameterSchema.Instance[c.Path];
    }

    public IReadOnlyList<ParameterChange> Changes => _changes;

    /// <summary>Increases whenever a change is added, so hosts can tell their copy is stale.</summary>
    public int Version { get; private set; }

    public ModelParameters For(int month)
    {
        var n = 0;
        while (n < _changes.Count && _changes[n].FromMonth <= month) n++;
        if (_cache.TryGetValue(n, out var cached)) return cached;
        var v = (double[])_base.Clone();
        for (var i = 0; i < n; i++)
        {
            var leaf = ParameterSchema.Instance[_changes[i].Path];
            v[leaf.Index] = _changes[i].ApplyTo(v[leaf.Index]);
        }
        var p = ParameterSchema.Instance.FromVector(v);
        _cache[n] = p;
        return p;
    }

    public void Add(ParameterChange change)
    {
        _ = ParameterSchema.Instance[change.Path];
        var at = _changes.FindLastIndex(c => c.FromMonth <= change.FromMonth) + 1;
        _changes.Insert(at, change);
        _cache.Clear();
        Version++;
    }
}
