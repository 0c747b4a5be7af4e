namespace PlaceSimulation.Model.Places;

/// <summary>
/// The state of a place that households and services feel: price, earnings, rent and
/// benefit indices since the run began, and the slow variables of the feedback loops
/// [Renaisi; docs/SOURCES.md]. Computed by <see cref="PlaceDynamics"/> from whole-place
/// integer totals, so every household sees the same values whatever grain it lives in.
/// </summary>
public sealed record PlaceSignals
{
    public double PriceIndex { get; init; } = 1;
    public double EarningsIndex { get; init; } = 1;
    public double RentIndex { get; init; } = 1;
    public double BenefitIndex { get; init; } = 1;
    public double LhaIndex { get; init; } = 1;

    /// <summary>Growth of local service budgets in cash since the run began.</summary>
    public double BudgetIndex { get; init; } = 1;

    /// <summary>Share of frontline capacity that survives turnover and top-down monitoring (1 = none lost).</summary>
    public double StaffEffectiveness { get; init; } = 1;

    /// <summary>Annualised staff turnover in local services (share of staff a year).</summary>
    public double StaffTurnover { get; init; }

    /// <summary>Willingness of the community to come forward (1 = as at the start).</summary>
    public double CommunityEngagement { get; init; } = 1;

    /// <summary>Community organisations' capacity relative to funding (1 = fully able to use their funding).</summary>
    public double VcseCapacity { get; init; } = 1;

    /// <summary>Cumulative 'more for less' erosion of what a commissioned contact buys (1 = none).</summary>
    public double CommissioningValue { get; init; } = 1;

    /// <summary>Extra monthly job-finding probability from local procurement and community wealth building.</summary>
    public double LocalJobsBoost { get; init; }

    public static PlaceSignals Initial { get; } = new();

    public double[] ToVector() =>
    [
        PriceIndex, EarningsIndex, RentIndex, BenefitIndex, LhaIndex, BudgetIndex, StaffEffectiveness, StaffTurnover,
        CommunityEngagement, VcseCapacity, CommissioningValue, LocalJobsBoost,
    ];

    public static PlaceSignals FromVector(IReadOnlyList<double> v) => new()
    {
        PriceIndex = v[0], EarningsIndex = v[1], RentIndex = v[2], BenefitIndex = v[3], LhaIndex = v[4],
        BudgetIndex = v[5], StaffEffectiveness = v[6], StaffTurnover = v[7], CommunityEngagement = v[8],
        VcseCapacity = v[9], CommissioningValue = v[10], LocalJobsBoost = v[11],
    };
}
