using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Places;
using PlaceSimulation.Model.Randomness;

namespace PlaceSimulation.Model.Households;

/// <summary>
/// Moves between work and no work, one adult at a time, each month. A working adult loses
/// work with the economy's monthly hazard (raised by an economic shock and by ill health);
/// an adult out of work (and fit for work) finds it with the economy's monthly rate,
/// lowered by ill health, raised by work-coach support and by local jobs from procurement
/// and community wealth building [002, 003]. Pensioners do not work. Units: probabilities
/// per adult per month. The steady state employment rate is find / (find + loss).
/// </summary>
public static class LabourMarket
{
    public static void Step(ref Household h, ulong key, EconomyParameters econ, BehaviourParameters behaviour, ServiceParameters jobcentre, PlaceSignals signals, double partTimeShare)
    {
        if (h.Pensioner) return;
        var health = Math.Max(h.NeedPhysical, h.NeedMental);
        var loss = econ.JobLossMonthly * econ.ShockJobLossMultiplier * (1 + behaviour.HealthWorkPenalty * health);
        var find = h.Lcwra ? 0 : econ.JobFindMonthly * econ.ShockJobFindMultiplier
                                 * Math.Max(0, 1 - behaviour.HealthWorkPenalty * health)
                                 * (h.JobSupport ? 1 + jobcentre.Effect : 1)
                   + (h.Lcwra ? 0 : signals.LocalJobsBoost);
        h.JobSupport = false;

        Adult(ref h.Work1, key, RandomStream.JobLoss1, RandomStream.JobFind1, loss, find, partTimeShare);
        if (h.Adults > 1)
            Adult(ref h.Work2, key, RandomStream.JobLoss2, RandomStream.JobFind2, loss, find, partTimeShare);
    }

    private static void Adult(ref byte work, ulong key, RandomStream lossStream, RandomStream findStream, double loss, double find, double partTimeShare)
    {
        if (work > 0)
        {
            if (CounterRng.Chance(key, lossStream, loss)) work = 0;
        }
        else
        {
            var u = CounterRng.Uniform(key, findStream);
            if (u < find) work = u < find * partTimeShare ? (byte)1 : (byte)2;
        }
    }

    /// <summary>Take-home pay of the household at this month's earnings level, £ a month; part time is 45% of full time (stated assumption).</summary>
    public static double NetEarningsOf(in Household h, double earningsIndex, TaxParameters tax)
    {
        const double partTimeFraction = 0.45;
        var net = 0.0;
        if (h.Work1 > 0) net += NetEarnings.Monthly(h.Wage1 * earningsIndex * (h.Work1 == 1 ? partTimeFraction : 1.0), tax);
        if (h.Adults > 1 && h.Work2 > 0) net += NetEarnings.Monthly(h.Wage2 * earningsIndex * (h.Work2 == 1 ? partTimeFraction : 1.0), tax);
        return net;
    }
}
