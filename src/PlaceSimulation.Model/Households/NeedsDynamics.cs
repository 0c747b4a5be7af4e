using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Randomness;

namespace PlaceSimulation.Model.Households;

/// <summary>
/// How needs in the six domains evolve and interlock each month [003]. Money needs follow
/// the household's finances: income need from the share of essentials it cannot meet, debt
/// need from debt relative to monthly income (four months' income = severe), housing need
/// from rent arrears relative to the eviction threshold. Health needs are latent
/// severities: shocks arrive at a base monthly rate raised by financial stress and
/// isolation, and ease at a monthly recovery rate. Severities lie in [0, 1].
/// </summary>
public static class NeedsDynamics
{
    public static void Step(ref Household h, ulong key, BehaviourParameters b)
    {
        var shortfall = h.Essentials > 0 ? Math.Max(0, h.Essentials - h.Disposable) / h.Essentials : 0;
        h.NeedIncome = Clamp(0.5 * h.NeedIncome + 0.5 * Math.Min(1, 1.5 * shortfall) + (h.SanctionMonths > 0 ? 0.2 : 0));

        var monthlyIncome = Math.Max(h.Essentials, h.NetEarnings + h.OtherIncome + h.BenefitIncome);
        h.NeedDebt = Clamp(h.Debt / (4 * Math.Max(1, monthlyIncome)));

        if (h.Homeless) h.NeedHousing = 1;
        else if (h.Tenure == Tenure.Owner || h.HousingCost <= 0) h.NeedHousing = Clamp(0.8 * h.NeedHousing);
        else h.NeedHousing = Clamp(h.RentArrears / (b.EvictionArrearsMonths * h.HousingCost));

        var stress = Math.Max(h.NeedIncome, Math.Max(h.NeedDebt, h.NeedHousing));

        var mentalShock = b.MentalShockMonthly * (1 + b.StressToMental * stress + b.IsolationToMental * h.NeedIsolation);
        var mental = h.NeedMental * (1 - b.MentalRecoveryMonthly);
        if (CounterRng.Chance(key, RandomStream.MentalHealthShock, mentalShock)) mental += 0.35;
        h.NeedMental = Clamp(mental);

        var physicalShock = b.PhysicalShockMonthly * (1 + 0.5 * stress);
        var physical = h.NeedPhysical * (1 - b.PhysicalRecoveryMonthly);
        if (CounterRng.Chance(key, RandomStream.PhysicalHealthShock, physicalShock)) physical += 0.4;
        h.NeedPhysical = Clamp(physical);

        var isolation = h.NeedIsolation * 0.97;
        if (CounterRng.Chance(key, RandomStream.IsolationShock, b.IsolationDriftMonthly * (1 + h.NeedMental))) isolation += 0.25;
        h.NeedIsolation = Clamp(isolation);

        // Limited capability for work: gained when health needs are acute, lost (on
        // reassessment) once they have eased well below that; the gap avoids flicker.
        var health = Math.Max(h.NeedPhysical, h.NeedMental);
        if (!h.Pensioner)
        {
            if (health >= 0.75) h.Lcwra = true;
            else if (health < 0.4) h.Lcwra = false;
        }
    }

    private static float Clamp(double v) => (float)Math.Clamp(v, 0, 1);
}
