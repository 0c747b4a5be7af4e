using PlaceSimulation.Model.Parameters;

namespace PlaceSimulation.Model.Households;

/// <summary>
/// Take-home pay of one adult: gross monthly earnings less income tax and employee
/// National Insurance, at the rates in national.tax. Pension contributions, student
/// loans and the taper of the personal allowance above £100,000 are left out (they barely
/// touch the incomes near the poverty line). Units: £ per month.
/// </summary>
public static class NetEarnings
{
    public static double Monthly(double gross, TaxParameters tax) => Monthly(gross, new TaxBands(tax));

    /// <summary>As <see cref="Monthly(double, TaxParameters)"/>, with the monthly bands worked out once (per month, not per adult).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static double Monthly(double gross, in TaxBands tax)
    {
        if (gross <= 0) return 0;
        var basicBand = Math.Clamp(gross - tax.Allowance, 0, tax.BasicWidth);
        var higherBand = Math.Max(0, gross - tax.Higher);
        var incomeTax = basicBand * tax.BasicRate + higherBand * tax.HigherRate;
        var ni = basicBand * tax.NiRate + higherBand * tax.NiUpperRate;
        return gross - incomeTax - ni;
    }
}

/// <summary>The tax parameters as monthly bands, £ per month (the same divisions, done once).</summary>
public readonly struct TaxBands(TaxParameters tax)
{
    public readonly double Allowance = tax.PersonalAllowanceGbpYear / 12.0;
    public readonly double Higher = tax.HigherRateThresholdGbpYear / 12.0;
    public readonly double BasicWidth = tax.HigherRateThresholdGbpYear / 12.0 - tax.PersonalAllowanceGbpYear / 12.0;
    public readonly double BasicRate = tax.BasicRate;
    public readonly double HigherRate = tax.HigherRate;
    public readonly double NiRate = tax.NiRate;
    public readonly double NiUpperRate = tax.NiUpperRate;
}
