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
    public static double Monthly(double gross, TaxParameters tax)
    {
        if (gross <= 0) return 0;
        var allowance = tax.PersonalAllowanceGbpYear / 12.0;
        var higher = tax.HigherRateThresholdGbpYear / 12.0;
        var basicBand = Math.Clamp(gross - allowance, 0, higher - allowance);
        var higherBand = Math.Max(0, gross - higher);
        var incomeTax = basicBand * tax.BasicRate + higherBand * tax.HigherRate;
        var ni = basicBand * tax.NiRate + higherBand * tax.NiUpperRate;
        return gross - incomeTax - ni;
    }
}
