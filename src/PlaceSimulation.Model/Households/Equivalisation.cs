namespace PlaceSimulation.Model.Households;

/// <summary>
/// The modified OECD equivalence scales used by DWP's Households Below Average Income
/// (HBAI), rescaled so that a couple with no children scores 1. After housing costs:
/// first adult 0.58, each further adult or child aged 14+ 0.42, each child under 14 0.20.
/// Source: DWP, HBAI Quality and Methodology Information Report (equivalisation section).
/// </summary>
public static class Equivalisation
{
    public const double AhcFirstAdult = 0.58;
    public const double AhcOtherAdult = 0.42;
    public const double AhcOlderChild = 0.42;
    public const double AhcYoungChild = 0.20;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static double AfterHousingCosts(in Household h) =>
        AhcFirstAdult
        + AhcOtherAdult * (h.Adults - 1 + h.NonDependants)
        + AhcOlderChild * h.OlderChildren
        + AhcYoungChild * (h.Children - h.OlderChildren);
}
