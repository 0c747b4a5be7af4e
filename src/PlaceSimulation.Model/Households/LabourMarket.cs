using System.Runtime.CompilerServices;
using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Places;
using PlaceSimulation.Model.Randomness;

namespace PlaceSimulation.Model.Households;

/// <summary>
/// Moves between work and no work, one adult at a time, each month. A working adult loses
/// work with the economy's monthly hazard (raised by an economic shock and by ill health);
/// an adult out of work (and fit for work) finds it with the economy's monthly rate scaled
/// by the local labour market's tightness (the odds of employment in the place relative to
/// the nation: a weak local economy means fewer jobs found), lowered by ill health, raised
/// by work-coach support and by local jobs from procurement and community wealth building
/// [Jackson, CLES/JRF; JRF hardship series]. A household's employability (fixed at creation from its tenure group: owners
/// higher, social renters lower) raises its job finding and lowers its job loss, so each
/// group's employment holds at its own level. Pensioners do not work. Units: probabilities
/// per adult per month.
/// </summary>
public static class LabourMarket
{
    /// <summary>The place's job-finding rate relative to the nation's: the ratio of the odds of employment.</summary>
    public static double Tightness(PlaceParameters place, EconomyParameters econ)
    {
        static double Odds(double e) => Math.Clamp(e, 0.01, 0.99) / (1 - Math.Clamp(e, 0.01, 0.99));
        return Odds(place.EmploymentRate) / Odds(econ.NationalEmploymentRate);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Step(ref Household h, ulong key, EconomyParameters econ, BehaviourParameters behaviour, ServiceParameters jobcentre, PlaceSignals signals, PlaceParameters place, double tightness)
    {
        if (h.Pensioner)
        {
            // A pensioner household's non-dependent adult is of working age; the household's
            // health needs are the pensioners'.
            if (h.NonDependants > 0)
                Adult(ref h.Work3, key, RandomStream.JobLoss3, RandomStream.JobFind3,
                    Loss(h, econ, behaviour, 0), Find(h, econ, behaviour, tightness, 0, false) + signals.LocalJobsBoost, place.PartTimeShare);
            return;
        }
        var health = Math.Max(h.NeedPhysical, h.NeedMental);
        var loss = Loss(h, econ, behaviour, health);
        var find = h.Lcwra ? 0 : Find(h, econ, behaviour, tightness, health, false) * (h.JobSupport ? 1 + jobcentre.Effect : 1) + signals.LocalJobsBoost;
        h.JobSupport = false;

        Adult(ref h.Work1, key, RandomStream.JobLoss1, RandomStream.JobFind1, loss, find, PartTimeShare(h, 1, place));
        if (h.Adults > 1)
            Adult(ref h.Work2, key, RandomStream.JobLoss2, RandomStream.JobFind2, loss, find, PartTimeShare(h, 2, place));
        if (h.NonDependants > 0)
            Adult(ref h.Work3, key, RandomStream.JobLoss3, RandomStream.JobFind3, loss, find, place.PartTimeShare);
    }

    /// <summary>Monthly chance a working adult of the household loses work.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Loss(in Household h, EconomyParameters econ, BehaviourParameters behaviour, double health) =>
        econ.JobLossMonthly * econ.ShockJobLossMultiplier * (1 + behaviour.HealthWorkPenalty * health) / h.Employability;

    /// <summary>Monthly chance an adult of the household out of work (and fit for it) finds work, before support and local jobs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Find(in Household h, EconomyParameters econ, BehaviourParameters behaviour, double tightness, double health, bool unfit) =>
        unfit ? 0 : econ.JobFindMonthly * econ.ShockJobFindMultiplier * tightness * h.Employability * Math.Max(0, 1 - behaviour.HealthWorkPenalty * health);

    /// <summary>
    /// The share of the time an adult is in work when these monthly chances hold for long:
    /// find / (find + loss). The population starts at it, so a run does not begin with
    /// employment drifting towards where the labour-market rules would take it.
    /// </summary>
    public static double SteadyState(double loss, double find) => find + loss > 0 ? find / (find + loss) : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Adult(ref byte work, ulong key, RandomStream lossStream, RandomStream findStream, double loss, double find, double partTimeShare)
    {
        if (work > 0)
        {
            if (CounterRng.Chance(key, lossStream, loss)) work = 0;
        }
        else if (find > 0)
        {
            // No chance of work (limited capability for work, or no jobs): no draw is needed, and
            // leaving it out shifts no other draw (each is a function of its own key and stream).
            var u = CounterRng.Uniform(key, findStream);
            if (u < find) work = u < find * partTimeShare ? (byte)1 : (byte)2;
        }
    }

    /// <summary>
    /// Share of jobs taken part time: lone parents and the second adult of a family with
    /// children work part time most often; other adults at the general rate.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double PartTimeShare(in Household h, int adult, PlaceParameters place) =>
        h.Children > 0 && (h.Adults == 1 || adult == 2) ? place.ParentPartTimeShare : place.PartTimeShare;

    /// <summary>Take-home pay of the household at this month's earnings level, £ a month; part time earns the place's part-time share of full-time pay.</summary>
    /// <summary>Take-home pay of the non-dependent adult, £ a month.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double NonDependantEarnings(in Household h, double earningsIndex, in TaxBands tax, double partTimeFraction) =>
        h.NonDependants > 0 && h.Work3 > 0 ? NetEarnings.Monthly(h.Wage3 * earningsIndex * (h.Work3 == 1 ? partTimeFraction : 1.0), tax) : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double NetEarningsOf(in Household h, double earningsIndex, in TaxBands tax, double partTimeFraction)
    {
        var net = 0.0;
        if (h.Work1 > 0) net += NetEarnings.Monthly(h.Wage1 * earningsIndex * (h.Work1 == 1 ? partTimeFraction : 1.0), tax);
        if (h.Adults > 1 && h.Work2 > 0) net += NetEarnings.Monthly(h.Wage2 * earningsIndex * (h.Work2 == 1 ? partTimeFraction : 1.0), tax);
        return net;
    }
}
