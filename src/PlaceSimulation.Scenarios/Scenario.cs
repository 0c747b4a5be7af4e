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
    SweepBlock? Sweep = null)
{
    /// <summary>The arm every other arm is compared with (<c>reference:</c>; default the first arm, 'neither' in an offset design).</summary>
    public string Reference { get; init; } = Offset is not null ? OffsetDesign.Neither : Spec.Arms.Count > 0 ? Spec.Arms[0].Name : "";

    /// <summary>The metrics the scenario's question is about (<c>headline:</c>), in the order its report leads with them.</summary>
    public IReadOnlyList<string> Headline { get; init; } = DefaultHeadline;

    /// <summary>Plain-English names of the arms (<c>label:</c>), for charts, legends and sentences.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public static readonly IReadOnlyList<string> DefaultHeadline = ["poverty_rate_ahc", "child_poverty_rate", "destitution_rate"];

    /// <summary>The index of the reference arm in the run.</summary>
    public int ReferenceIndex => Math.Max(0, Spec.Arms.ToList().FindIndex(a => a.Name == Reference));

    /// <summary>What an arm is called on a chart: its label, the offset design's words, or its name made readable (never the raw id).</summary>
    public string ArmLabel(string arm) =>
        Labels.TryGetValue(arm, out var l) ? l
        : arm switch
        {
            OffsetDesign.Neither when Offset is not null => "Neither change",
            OffsetDesign.LocalOnly when Offset is not null => "Local change only",
            OffsetDesign.NationalOnly when Offset is not null => "National forces only",
            OffsetDesign.Both when Offset is not null => "Both together",
            _ => Readable(arm),
        };

    /// <summary>"harsher-sanctions" as "Harsher sanctions".</summary>
    public static string Readable(string id) =>
        id.Length == 0 ? id : char.ToUpperInvariant(id[0]) + id[1..].Replace('-', ' ');
}
