using System.Runtime.CompilerServices;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Randomness;

namespace PlaceSimulation.Model.Households;

/// <summary>
/// How needs in the six domains evolve and interlock each month [JRF hardship series]. Money needs follow
/// the household's finances: income need from the share of essentials it cannot meet
/// (raised while sanctioned), debt need from debt relative to monthly income (four months'
/// income = severe), housing need from rent arrears relative to the eviction threshold (1
/// when homeless). Health needs and isolation come in episodes: an onset (at a base monthly
/// rate, raised by financial stress and, for mental health, by isolation; isolation by
/// mental ill health and living alone) makes the need severe, and it then eases by a share
/// each month. Severities lie in [0, 1].
/// </summary>
public static class NeedsDynamics
{
    public static void Step(ref Household h, ulong key, BehaviourParameters b, double lcwraThreshold, long[]? counters = null)
    {
        var shortfall = h.Essentials > 0 ? Math.Max(0, h.Essentials - h.Disposable) / h.Essentials : 0;
        h.NeedIncome = Clamp(0.5 * h.NeedIncome + 0.5 * Math.Min(1, 1.5 * shortfall) + (h.SanctionMonths > 0 ? 0.2 : 0));

        var monthlyIncome = Math.Max(h.Essentials, h.NetEarnings + h.OtherIncome + h.BenefitIncome);
        h.NeedDebt = Clamp(h.Debt / (4 * Math.Max(1, monthlyIncome)));

        if (h.Homeless) h.NeedHousing = 1;
        else if (h.HousingCost <= 0) h.NeedHousing = Clamp(0.8 * h.NeedHousing);
        else h.NeedHousing = Clamp(h.HousingArrears / (b.EvictionArrearsMonths * h.HousingCost));

        var stress = Math.Max(h.NeedIncome, Math.Max(h.NeedDebt, h.NeedHousing));

        var mentalOnset = b.MentalShockMonthly * (1 + b.StressToMental * stress + b.IsolationToMental * h.NeedIsolation);
        var waiting = (h.Waiting & Services.ServiceKinds.Bit(Services.ServiceKind.MentalHealth)) != 0;
        h.NeedMental = Episode(h.NeedMental, b.MentalRecoveryMonthly, key, RandomStream.MentalHealthShock, mentalOnset);
        if (waiting && CounterRng.Chance(key, RandomStream.WaitingDeterioration, b.WaitingDeteriorationMonthly))
        {
            // A need left waiting for treatment gets worse (Royal College of Psychiatrists 2020).
            h.NeedMental = Clamp(h.NeedMental + b.WaitingDeteriorationStep);
            if (counters is not null) counters[Counter.WorsenedWaiting]++;
        }

        var physicalOnset = b.PhysicalShockMonthly * (1 + 0.5 * stress);
        h.NeedPhysical = Episode(h.NeedPhysical, b.PhysicalRecoveryMonthly, key, RandomStream.PhysicalHealthShock, physicalOnset);

        var isolationOnset = b.IsolationDriftMonthly * (1 + h.NeedMental) * (h.Adults == 1 ? 1.5 : 1.0);
        h.NeedIsolation = Episode(h.NeedIsolation, b.IsolationRecoveryMonthly, key, RandomStream.IsolationShock, isolationOnset);

        // Limited capability for work (the Work Capability Assessment): found when a health
        // need reaches the threshold, lost on reassessment once it has eased well below it
        // (0.3 below; the gap avoids flicker).
        var health = Math.Max(h.NeedPhysical, h.NeedMental);
        if (!h.Pensioner)
        {
            if (health >= lcwraThreshold) h.Lcwra = true;
            else if (health < lcwraThreshold - 0.3) h.Lcwra = false;
        }
    }

    /// <summary>One month of an episodic need: it eases by the recovery share; an onset makes it severe (0.55 to 0.95).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Episode(float need, double recovery, ulong key, RandomStream stream, double onset)
    {
        var next = need * (1 - recovery);
        var u = CounterRng.Uniform(key, stream);
        if (u < onset) next = Math.Max(next, 0.55 + 0.4 * (u / onset));
        return Clamp(next);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Clamp(double v) => (float)Math.Clamp(v, 0, 1);
}
