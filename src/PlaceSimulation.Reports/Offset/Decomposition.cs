namespace PlaceSimulation.Reports.Offset;

/// <summary>A metric's value in the four arms of the offset design, for one replication (or their means).</summary>
public readonly record struct ArmValues(double Neither, double Local, double National, double Both);

/// <summary>
/// The decomposition of one replication's result into the local gain, the national loss,
/// their interaction and the net (docs/OFFSET.md). For a metric where lower is better
/// (poverty), G = Y_B − Y_L; where higher is better the signs flip, so a positive local gain
/// always means the local change helped. By construction
/// <c>LocalGain − NationalLoss + Interaction = Net</c>.
/// </summary>
public readonly record struct Decomposition(double LocalGain, double NationalLoss, double Interaction, double Net)
{
    public static Decomposition Of(ArmValues y, bool lowerIsBetter)
    {
        var s = lowerIsBetter ? 1.0 : -1.0;
        return new Decomposition(
            LocalGain: s * (y.Neither - y.Local),
            NationalLoss: s * (y.National - y.Neither),
            Interaction: s * ((y.National - y.Both) - (y.Neither - y.Local)),
            Net: s * (y.Neither - y.Both));
    }

    public double this[OffsetMeasure m] => m switch
    {
        OffsetMeasure.LocalGain => LocalGain,
        OffsetMeasure.NationalLoss => NationalLoss,
        OffsetMeasure.Interaction => Interaction,
        OffsetMeasure.Net => Net,
        _ => throw new ArgumentOutOfRangeException(nameof(m), "the offset share is not a difference between arms"),
    };

    /// <summary>How far <c>LocalGain − NationalLoss + Interaction</c> is from <c>Net</c> (rounding only).</summary>
    public double IdentityError => LocalGain - NationalLoss + Interaction - Net;
}
