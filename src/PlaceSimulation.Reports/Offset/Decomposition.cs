namespace PlaceSimulation.Reports.Offset;

/// <summary>A metric's value in the four arms of the offset design, for one replication (or their means).</summary>
public readonly record struct ArmValues(double Neither, double Local, double National, double Both);

/// <summary>
/// The decomposition of one replication's result into the local effect, the national effect,
/// their interaction and the net (docs/OFFSET.md). Every measure is a change in the metric:
/// positive = higher, whatever the metric (one sign convention). By construction
/// <c>LocalEffect + NationalEffect + Interaction = Net</c>.
/// </summary>
public readonly record struct Decomposition(double LocalEffect, double NationalEffect, double Interaction, double Net)
{
    public static Decomposition Of(ArmValues y) => new(
        LocalEffect: y.Local - y.Neither,
        NationalEffect: y.National - y.Neither,
        Interaction: (y.Both - y.National) - (y.Local - y.Neither),
        Net: y.Both - y.Neither);

    public double this[OffsetMeasure m] => m switch
    {
        OffsetMeasure.LocalEffect => LocalEffect,
        OffsetMeasure.NationalEffect => NationalEffect,
        OffsetMeasure.Interaction => Interaction,
        OffsetMeasure.Net => Net,
        _ => throw new ArgumentOutOfRangeException(nameof(m), "the offset share is not a difference between arms"),
    };

    /// <summary>How far <c>LocalEffect + NationalEffect + Interaction</c> is from <c>Net</c> (rounding only).</summary>
    public double IdentityError => LocalEffect + NationalEffect + Interaction - Net;
}
