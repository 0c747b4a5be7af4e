using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Reports.Offset;

/// <summary>
/// Where the four arms of an offset design sit in a run: neither (B), local only (L),
/// national only (N) and both (LN). The loader makes them under these names; a scenario that
/// lists its own arms is matched by their policies instead.
/// </summary>
public sealed record OffsetArms(int Neither, int Local, int National, int Both)
{
    public int this[int i] => i switch { 0 => Neither, 1 => Local, 2 => National, 3 => Both, _ => throw new ArgumentOutOfRangeException(nameof(i)) };

    public IEnumerable<int> InOrder => [Neither, Local, National, Both];

    public static OffsetArms? Find(RunSpec spec, OffsetDesign design)
    {
        int ByName(string name) => spec.Arms.ToList().FindIndex(a => a.Name == name);
        var byName = new OffsetArms(ByName(OffsetDesign.Neither), ByName(OffsetDesign.LocalOnly), ByName(OffsetDesign.NationalOnly), ByName(OffsetDesign.Both));
        if (byName.InOrder.All(i => i >= 0)) return byName;

        int ByPolicies(params string[] policies) => spec.Arms.ToList().FindIndex(a =>
            a.Policies.Where(p => p == design.LocalPolicy || p == design.NationalPolicy).Order(StringComparer.Ordinal).SequenceEqual(policies.Order(StringComparer.Ordinal))
            && a.Policies.Count == policies.Length);
        var byPolicies = new OffsetArms(ByPolicies(), ByPolicies(design.LocalPolicy), ByPolicies(design.NationalPolicy), ByPolicies(design.LocalPolicy, design.NationalPolicy));
        return byPolicies.InOrder.All(i => i >= 0) ? byPolicies : null;
    }
}
