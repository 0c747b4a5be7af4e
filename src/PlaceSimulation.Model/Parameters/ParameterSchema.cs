using System.Reflection;
using System.Text;

namespace PlaceSimulation.Model.Parameters;

/// <summary>One leaf of the parameter tree: its path and how to read and write it.</summary>
public sealed record ParameterLeaf(int Index, string Path, Func<ModelParameters, double> Get, Action<ModelParameters, double> Set);

/// <summary>
/// The list of every parameter path, in a fixed order, found by walking
/// <see cref="ModelParameters"/>. It binds file paths to properties, and turns a parameter
/// set into a flat vector (for messages between grains) and back.
/// </summary>
public sealed class ParameterSchema
{
    public static ParameterSchema Instance { get; } = new();

    private readonly Dictionary<string, ParameterLeaf> _byPath;

    public IReadOnlyList<ParameterLeaf> Leaves { get; }

    private ParameterSchema()
    {
        var leaves = new List<ParameterLeaf>();
        Walk(typeof(ModelParameters), "", p => p, leaves);
        Leaves = leaves;
        _byPath = leaves.ToDictionary(l => l.Path, StringComparer.Ordinal);
    }

    public bool TryGet(string path, out ParameterLeaf leaf) => _byPath.TryGetValue(path, out leaf!);

    public ParameterLeaf this[string path] =>
        _byPath.TryGetValue(path, out var leaf) ? leaf : throw new KeyNotFoundException($"no parameter '{path}'");

    public double[] ToVector(ModelParameters p)
    {
        var v = new double[Leaves.Count];
        for (var i = 0; i < v.Length; i++) v[i] = Leaves[i].Get(p);
        return v;
    }

    public ModelParameters FromVector(IReadOnlyList<double> v)
    {
        if (v.Count != Leaves.Count)
            throw new ArgumentException($"a parameter vector has {Leaves.Count} values, this one {v.Count}");
        var p = new ModelParameters();
        for (var i = 0; i < v.Count; i++) Leaves[i].Set(p, v[i]);
        return p;
    }

    /// <summary>The paths nearest to a misspelt one, for "did you mean" messages.</summary>
    public IEnumerable<string> Nearest(string path, int max = 3) =>
        NameSuggestions.Nearest(path, Leaves.Select(l => l.Path), max);

    private static void Walk(Type type, string prefix, Func<ModelParameters, object> getOwner, List<ParameterLeaf> leaves)
    {
        foreach (var prop in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!prop.CanWrite) continue;
            var path = prefix.Length == 0 ? ToSnake(prop.Name) : prefix + "." + ToSnake(prop.Name);
            if (prop.PropertyType == typeof(double))
            {
                var p = prop;
                leaves.Add(new ParameterLeaf(leaves.Count, path,
                    m => (double)p.GetValue(getOwner(m))!,
                    (m, v) => p.SetValue(getOwner(m), v)));
            }
            else if (prop.PropertyType.IsClass && prop.PropertyType != typeof(string))
            {
                var p = prop;
                Walk(prop.PropertyType, path, m => p.GetValue(getOwner(m))!, leaves);
            }
        }
    }

    /// <summary>"StandardAllowanceSingleGbpMonth" → "standard_allowance_single_gbp_month"; "Per10k" → "per_10k".</summary>
    public static string ToSnake(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0)
            {
                var prev = name[i - 1];
                var boundary = (char.IsUpper(c) && (char.IsLower(prev) || char.IsDigit(prev)))
                               || (char.IsDigit(c) && char.IsLetter(prev));
                if (boundary) sb.Append('_');
            }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
