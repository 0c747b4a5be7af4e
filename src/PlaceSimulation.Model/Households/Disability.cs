using System.Runtime.CompilerServices;
using PlaceSimulation.Model.Parameters;

namespace PlaceSimulation.Model.Households;

/// <summary>
/// Personal Independence Payment: a household with a severe, lasting health need (physical
/// or mental, at or above the threshold) gets PIP at the standard daily living and mobility
/// rates if it claims (take-up set at the start; advice and caseworkers start a claim). PIP
/// is not means-tested and is counted as income, as HBAI counts it. Simplifications
/// (stated): one award per household; no enhanced rates; no assessment delays.
/// </summary>
public static class Disability
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Qualifies(in Household h, DisabilityParameters d) =>
        Math.Max(h.NeedPhysical, h.NeedMental) >= d.PipNeedThreshold;
}
