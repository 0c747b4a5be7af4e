namespace PlaceSimulation.Reports.Offset;

/// <summary>
/// The measures of the offset analysis (docs/OFFSET.md). The first four are differences
/// between arms in the metric's own units, oriented so that a positive number is good news
/// for the local gain and bad news for the national loss; the offset share is a ratio.
/// </summary>
public enum OffsetMeasure
{
    /// <summary>G = Y_B − Y_L: what the local change achieves on its own.</summary>
    LocalGain,
    /// <summary>Y_N − Y_B: how much the national forces make things worse on their own.</summary>
    NationalLoss,
    /// <summary>(Y_N − Y_LN) − (Y_B − Y_L): how much more (positive) or less (negative) the local change achieves while national forces act.</summary>
    Interaction,
    /// <summary>Y_B − Y_LN: where doing both leaves the place against doing neither.</summary>
    Net,
    /// <summary>1 − net / G: the share of the local gain the national forces cancel (1 = all of it).</summary>
    OffsetShare,
}

public static class OffsetMeasures
{
    public static readonly OffsetMeasure[] All =
        [OffsetMeasure.LocalGain, OffsetMeasure.NationalLoss, OffsetMeasure.Interaction, OffsetMeasure.Net, OffsetMeasure.OffsetShare];

    /// <summary>The four differences between arms (everything but the share).</summary>
    public static readonly OffsetMeasure[] Differences =
        [OffsetMeasure.LocalGain, OffsetMeasure.NationalLoss, OffsetMeasure.Interaction, OffsetMeasure.Net];

    /// <summary>The measure's name in summary.json and offset.csv.</summary>
    public static string Name(this OffsetMeasure m) => m switch
    {
        OffsetMeasure.LocalGain => "local_gain",
        OffsetMeasure.NationalLoss => "national_loss",
        OffsetMeasure.Interaction => "interaction",
        OffsetMeasure.Net => "net",
        OffsetMeasure.OffsetShare => "offset_share",
        _ => throw new ArgumentOutOfRangeException(nameof(m)),
    };
}
