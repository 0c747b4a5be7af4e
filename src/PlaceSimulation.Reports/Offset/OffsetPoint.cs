using PlaceSimulation.Reports.Tables;

namespace PlaceSimulation.Reports.Offset;

/// <summary>
/// The offset analysis of one metric, for one place (or all places) in one month: the
/// metric's level in each arm, each replication's decomposition, and each measure's estimate.
/// </summary>
public sealed class OffsetPoint(string metric, int place, int month, Interval[] levels, Decomposition[] replications, IReadOnlyDictionary<OffsetMeasure, Estimate> estimates)
{
    public string Metric { get; } = metric;
    public int Place { get; } = place;
    public int Month { get; } = month;

    /// <summary>The metric's mean and interval in the arms neither, local, national, both (in that order).</summary>
    public IReadOnlyList<Interval> Levels { get; } = levels;

    public Interval Neither => Levels[0];
    public Interval Local => Levels[1];
    public Interval National => Levels[2];
    public Interval Both => Levels[3];

    public IReadOnlyList<Decomposition> Replications { get; } = replications;

    public Estimate this[OffsetMeasure m] => estimates[m];

    public Estimate LocalEffect => this[OffsetMeasure.LocalEffect];
    public Estimate NationalEffect => this[OffsetMeasure.NationalEffect];
    public Estimate Interaction => this[OffsetMeasure.Interaction];
    public Estimate Net => this[OffsetMeasure.Net];
    public Estimate Share => this[OffsetMeasure.OffsetShare];
}
