namespace PlaceSimulation.Reports.Offset;

/// <summary>
/// The measures of the offset analysis (docs/OFFSET.md). The first four are changes in the
/// metric between arms, in the metric's own units, under the one sign convention of every
/// output: positive = the metric is higher (for a lower-is-better metric such as poverty, a
/// negative local effect means the local change helped). The offset share is a ratio.
/// </summary>
public enum OffsetMeasure
{
    /// <summary>Y_L − Y_B: what the local change does on its own.</summary>
    LocalEffect,
    /// <summary>Y_N − Y_B: what the national forces do on their own.</summary>
    NationalEffect,
    /// <summary>Y_LN − Y_L − Y_N + Y_B: what acting together adds beyond the two effects on their own.</summary>
    Interaction,
    /// <summary>Y_LN − Y_B: where doing both leaves the metric against doing neither.</summary>
    Net,
    /// <summary>1 − net / local effect: the share of the local change's help the national forces cancel (1 = all of it).</summary>
    OffsetShare,
}

public static class OffsetMeasures
{
    /// <summary>The sign convention of every signed measure in every output (summary.json's <c>sign</c>).</summary>
    public const string Sign = "every signed measure is a change in the metric, in its own units: positive = the metric is higher, negative = lower (for a metric where lower is better, such as poverty, negative means better)";

    public static readonly OffsetMeasure[] All =
        [OffsetMeasure.LocalEffect, OffsetMeasure.NationalEffect, OffsetMeasure.Interaction, OffsetMeasure.Net, OffsetMeasure.OffsetShare];

    /// <summary>The four differences between arms (everything but the share).</summary>
    public static readonly OffsetMeasure[] Differences =
        [OffsetMeasure.LocalEffect, OffsetMeasure.NationalEffect, OffsetMeasure.Interaction, OffsetMeasure.Net];

    /// <summary>The measure's name in summary.json and offset.csv.</summary>
    public static string Name(this OffsetMeasure m) => m switch
    {
        OffsetMeasure.LocalEffect => "local_effect",
        OffsetMeasure.NationalEffect => "national_effect",
        OffsetMeasure.Interaction => "interaction",
        OffsetMeasure.Net => "net",
        OffsetMeasure.OffsetShare => "offset_share",
        _ => throw new ArgumentOutOfRangeException(nameof(m)),
    };

    /// <summary>The sign of a change that helps: −1 where lower is better, +1 where higher is better.</summary>
    public static double Helpful(bool lowerIsBetter) => lowerIsBetter ? -1.0 : 1.0;

    /// <summary>Whether a change moves the metric in its helpful direction (down where lower is better, up where higher is).</summary>
    public static bool Helps(double change, bool lowerIsBetter) => Helpful(lowerIsBetter) * change > 0;
}
