namespace PlaceSimulation.Sensitivity;

/// <summary>
/// Variance-based sensitivity indices of one parameter: <paramref name="First"/>, the first-order
/// index S_i (share of output variance due to the parameter alone), and <paramref name="Total"/>,
/// the total-order index S_Ti (share including all its interactions), each with a 90% bootstrap
/// percentile interval (Lo, Hi).
/// </summary>
public sealed record SobolIndex(string Name, double First, double FirstLo, double FirstHi, double Total, double TotalLo, double TotalHi);
