using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Reports.Findings;

/// <summary>What the arms are called on charts: the offset design's arms in words, others by their names.</summary>
public static class ArmLabels
{
    public static string For(string arm) => arm switch
    {
        OffsetDesign.Neither => "Neither change",
        OffsetDesign.LocalOnly => "Local change only",
        OffsetDesign.NationalOnly => "National forces only",
        OffsetDesign.Both => "Both together",
        _ => arm,
    };

    /// <summary>An arm inside a sentence: "with the local change only".</summary>
    public static string InSentence(string arm) => arm switch
    {
        OffsetDesign.Neither => "neither change",
        OffsetDesign.LocalOnly => "the local change only",
        OffsetDesign.NationalOnly => "the national forces only",
        OffsetDesign.Both => "both",
        _ => $"'{arm}'",
    };
}
