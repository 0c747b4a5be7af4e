namespace PlaceSimulation.Reports.Offset;

/// <summary>Whether a measure has a number: the offset share has none when the local gain is not positive, or not clearly so.</summary>
public enum EstimateStatus
{
    Defined,
    /// <summary>No number can be given (the local gain is not positive, or the metric is undefined).</summary>
    Undefined,
    /// <summary>The local gain's interval includes zero: any share would be a ratio to noise.</summary>
    Unstable,
}

/// <summary>
/// A measure's mean over replications with its 90% interval (NaN when there is none), and,
/// when it has no number, the status and the reason in words.
/// </summary>
public readonly record struct Estimate(double Mean, double Lo, double Hi, EstimateStatus Status, string? Reason)
{
    public bool IsDefined => Status == EstimateStatus.Defined;
    public bool HasInterval => IsDefined && !double.IsNaN(Lo) && !double.IsNaN(Hi);

    public static Estimate NoNumber(EstimateStatus status, string reason) => new(double.NaN, double.NaN, double.NaN, status, reason);

    public static string StatusName(EstimateStatus s) => s switch
    {
        EstimateStatus.Defined => "defined",
        EstimateStatus.Undefined => "undefined",
        EstimateStatus.Unstable => "unstable",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };
}
