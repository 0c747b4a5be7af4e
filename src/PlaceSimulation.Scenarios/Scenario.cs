using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Scenarios;

/// <summary>A named bundle of dated lever changes (a policy), as a scenario file defines it.</summary>
public sealed record PolicyInfo(string Name, string Description, IReadOnlyList<ParameterChange> Changes);

/// <summary>The factorial offset design: which policy is the local change and which the national forces.</summary>
public sealed record OffsetDesign(string LocalPolicy, string NationalPolicy)
{
    public const string Neither = "neither";
    public const string LocalOnly = "local";
    public const string NationalOnly = "national";
    public const string Both = "both";
}

/// <summary>Values given on the command line that replace the scenario file's.</summary>
public sealed record ScenarioOverrides(
    long? Seed = null,
    int? Replications = null,
    long? Households = null,
    int? HouseholdsPerGrain = null,
    int? Months = null,
    int? Samples = null);

/// <summary>A scenario file, read and validated, with the run it describes.</summary>
public sealed record Scenario(
    string Path,
    string Sha256,
    string Name,
    string Title,
    string Question,
    RunSpec Spec,
    IReadOnlyDictionary<string, PolicyInfo> Policies,
    OffsetDesign? Offset,
    SweepBlock? Sweep = null);
