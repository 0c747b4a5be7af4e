using PlaceSimulation.Model.Calendar;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Services;

namespace PlaceSimulation.Model.Places;

/// <summary>
/// The place's slow variables, moved on once a month from the month's whole-place totals:
/// the price, earnings, rent, benefit and budget indices, and the feedback loops of
/// docs/MODEL.md §6.2 (after Renaisi), each of which a scenario can switch off:
/// <list type="bullet">
/// <item>pressure → turnover: demand above capacity drives top-down monitoring and staff
/// turnover, which wears away the staff time left for relational work;</item>
/// <item>broken promises → disengagement: when many requests go unmet, the community stops
/// coming forward (help-seeking falls); community budgets and co-production [Jackson, CLES/JRF] pull the
/// other way;</item>
/// <item>reliance on community organisations: demand above their capacity burns them out;</item>
/// <item>'more for less' commissioning: commissioned contracts buy less each year.</item>
/// </list>
/// Local procurement and community wealth building [Jackson, CLES/JRF; JRF hardship series] become extra job-finding
/// chances for residents out of work.
/// </summary>
public static class PlaceDynamics
{
    /// <summary>The services households ask for (by number): their load is the pressure on services.</summary>
    private static readonly ServiceKind[] Voluntary = ServiceKinds.Voluntary;

    /// <param name="s">Signals in force this month.</param>
    /// <param name="p">Parameters in force this month.</param>
    /// <param name="c">This month's whole-place counters (simulated households).</param>
    /// <param name="capacity">This month's capacity, real contacts.</param>
    /// <param name="weight">Real households per simulated household.</param>
    /// <param name="next">The month the returned signals are for.</param>
    /// <param name="burnIn">
    /// True while the month stepped is burn-in: prices, earnings, rents, benefits, LHA,
    /// budgets and commissioning stay at their start values, so burn-in settles the stocks
    /// (debts, arrears, savings, needs, waiting lists, the feedback loops) in the world of
    /// the start date rather than moving the world on before recording begins.
    /// </param>
    public static PlaceSignals Step(PlaceSignals s, ModelParameters p, long[] c, CapacityPlan capacity, double weight, YearMonth next, bool burnIn = false)
    {
        var e = p.Economy;
        var fb = p.Feedback;
        var april = next.Month == 4;

        var rentIndex = s.RentIndex * Monthly(e.RentGrowthAnnual);
        var signals = burnIn ? s : s with
        {
            PriceIndex = s.PriceIndex * Monthly(e.CpiAnnual),
            EarningsIndex = s.EarningsIndex * Monthly(e.EarningsGrowthAnnual),
            RentIndex = rentIndex,
            BenefitIndex = april ? s.BenefitIndex * (1 + p.National.Benefits.UpratingAnnual) : s.BenefitIndex,
            // LHA is reset to current rents each April unless frozen.
            LhaIndex = april && p.National.Benefits.LhaFrozen < 0.5 ? rentIndex : s.LhaIndex,
            BudgetIndex = s.BudgetIndex * Monthly(p.National.Funding.BudgetGrowthAnnual),
        };

        // Pressure → turnover → effectiveness. Pressure is the mean load of the services
        // (requests, new and waiting, per contact they can give), weighted by their
        // capacity; a service's load counts up to MaxLoad: a list that long is closed to new
        // referrals in practice and adds no further pressure.
        double demand = 0, served = 0, cap = 0, weightedLoad = 0;
        foreach (var k in Voluntary)
        {
            var d = c[Counter.Demand(k)] * weight;
            var capacityK = capacity.Capacity(k);
            demand += d;
            served += c[Counter.Served(k)] * weight;
            cap += capacityK;
            if (capacityK > 0) weightedLoad += Math.Min(fb.MaxLoad, d / capacityK) * capacityK;
        }
        var pressure = cap > 0 ? weightedLoad / cap : 0;
        var excess = Math.Max(0, pressure / fb.PressureNormal - 1);
        if (fb.PressureTurnoverOn >= 0.5)
        {
            var turnover = fb.BaseTurnoverAnnual + fb.PressureTurnoverSensitivity * excess;
            var eff = s.StaffEffectiveness + fb.TurnoverRecoveryMonthly * (1 - s.StaffEffectiveness) - (turnover - fb.BaseTurnoverAnnual) / 12;
            signals = signals with { StaffTurnover = turnover, StaffEffectiveness = Math.Clamp(eff, fb.StaffEffectivenessFloor, 1) };
        }
        else
        {
            signals = signals with { StaffTurnover = fb.BaseTurnoverAnnual, StaffEffectiveness = 1 };
        }

        // Broken promises → disengagement; co-production → engagement.
        var refused = demand > 0 ? (demand - served) / demand : 0;
        var target = 1 + fb.CoProductionEngagementGain * p.Local.SystemsChange.CommunityBudgets
                     - (fb.DisengagementOn >= 0.5 ? fb.DisengagementSensitivity * Math.Max(0, refused - fb.RefusalNormal) : 0);
        var engagement = s.CommunityEngagement + fb.EngagementAdjustMonthly * (target - s.CommunityEngagement);
        signals = signals with { CommunityEngagement = Math.Clamp(engagement, 0.3, 1.2) };

        // Reliance on community organisations → burnout.
        if (fb.VcseRelianceOn >= 0.5)
        {
            var vcseDemand = c[Counter.Demand(ServiceKind.Vcse)] * weight;
            var load = vcseDemand / Math.Max(1, capacity.Capacity(ServiceKind.Vcse));
            var v = s.VcseCapacity + fb.VcseRecoveryMonthly * (1 - s.VcseCapacity) - fb.VcseBurnoutSensitivity * Math.Max(0, load / fb.VcseLoadNormal - 1) / 12;
            signals = signals with { VcseCapacity = Math.Clamp(v, fb.VcseCapacityFloor, 1) };
        }
        else
        {
            signals = signals with { VcseCapacity = 1 };
        }

        // 'More for less' commissioning (a trend from the start date, like the indices).
        signals = signals with
        {
            CommissioningValue = fb.MoreForLessOn < 0.5 ? 1 : burnIn ? s.CommissioningValue : s.CommissioningValue * (1 - fb.MoreForLessAnnual / 12),
        };

        // Local jobs from procurement and community wealth building, shared among residents out of work.
        var outOfWork = (c[Counter.WorkingAgeAdults] - c[Counter.AdultsWorking]) * weight;
        var jobs = p.Local.SystemsChange.LocalJobsPerMonthPer10k * p.Place.Households / 10_000;
        signals = signals with { LocalJobsBoost = outOfWork > 0 ? Math.Min(0.2, jobs / outOfWork) : 0 };
        return signals;
    }

    private static double Monthly(double annual) => Math.Pow(1 + annual, 1.0 / 12);
}
