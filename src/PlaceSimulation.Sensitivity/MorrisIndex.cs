namespace PlaceSimulation.Sensitivity;

/// <summary>
/// Morris screening measures of one parameter: <paramref name="Mu"/>, the mean elementary effect
/// (signed; effects of opposite sign cancel); <paramref name="MuStar"/>, the mean absolute
/// elementary effect (overall influence); <paramref name="Sigma"/>, the sample standard deviation
/// of the elementary effects (non-linearity or interactions; NaN with one trajectory); and a 90%
/// bootstrap percentile interval [<paramref name="MuStarLo"/>, <paramref name="MuStarHi"/>] for mu*.
/// </summary>
public sealed record MorrisIndex(string Name, double Mu, double MuStar, double Sigma, double MuStarLo, double MuStarHi);
