using PlaceSimulation.Reports.Offset;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Runs;

/// <summary>A scenario's design, applied before it runs: an offset design given on the command line is checked against the file's policies, then made into the four arms.</summary>
public static class Designs
{
    public static string? Problem(Scenario s, OffsetDesign d)
    {
        var known = string.Join(", ", s.Policies.Keys);
        if (!s.Policies.ContainsKey(d.LocalPolicy)) return $"--local: unknown policy '{d.LocalPolicy}' in {s.Path}; expected one of: {known}";
        if (!s.Policies.ContainsKey(d.NationalPolicy)) return $"--national: unknown policy '{d.NationalPolicy}' in {s.Path}; expected one of: {known}";
        if (d.LocalPolicy == d.NationalPolicy) return "--local and --national must be different policies";
        return null;
    }

    /// <summary>A file with both 'arms' and 'offset' must have the four arms of the design among its arms.</summary>
    public static string? ArmsProblem(Scenario s) =>
        s.Offset is { } d && OffsetArms.Find(s.Spec, d) is null
            ? $"{s.Path}: the offset design needs the arms neither, local, national and both (or arms with no policy, '{d.LocalPolicy}' only, '{d.NationalPolicy}' only and both); "
              + "remove 'arms' to let the design make them"
            : null;

    public static Scenario Apply(Scenario s, OffsetDesign d) =>
        s with { Offset = d, Spec = s.Spec with { Arms = ScenarioLoader.OffsetArms(d, s.Policies) } };
}
