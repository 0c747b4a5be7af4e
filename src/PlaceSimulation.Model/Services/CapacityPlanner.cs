using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Places;

namespace PlaceSimulation.Model.Services;

/// <summary>The month's capacity and spending of every service in a place.</summary>
public sealed record CapacityPlan(double[] CapacityReal, double[] BudgetGbp)
{
    public double Capacity(ServiceKind s) => CapacityReal[(int)s];
}

/// <summary>
/// Budget becomes capacity: a service's monthly budget, grown in cash at the
/// budget growth rate and scaled by the national funding lever that pays for it, divided
/// by its cost per contact (which follows earnings: services are staff), times the share of
/// staff time that survives turnover and top-down monitoring [Renaisi]. Commissioned services
/// (advice, community organisations) buy less per pound as 'more for less' commissioning
/// bites [Renaisi]. A pooled place budget [Studdert, New Local; JRF hardship series] moves a share of every pooled service's
/// money into one pot that follows unmet demand, and saves duplicated assessments. A
/// single crisis fund [JRF hardship series] saves the administration of separate streams. Relational
/// caseworkers hold cases for months, so their new cases are the slots left after ongoing
/// ones. Units: contacts (or new cases) a month for the whole real place; £ a month.
/// </summary>
public static class CapacityPlanner
{
    private static readonly ServiceKind[] Pooled = ServiceKinds.Pooled;

    public static CapacityPlan Plan(ModelParameters p, PlaceSignals s, ReadOnlySpan<int> demandSimulated, int onCaseloadSimulated, double weight)
    {
        var local = p.Local;
        var f = p.National.Funding;
        var sc = local.SystemsChange;
        var grant = 1 - f.LocalGovernmentGrantShare + f.LocalGovernmentGrantShare * f.LocalGovernmentGrantScale;

        var budget = new double[ServiceKinds.Count];
        var cost = new double[ServiceKinds.Count];
        var effectiveness = new double[ServiceKinds.Count];
        foreach (var def in ServiceKinds.Definitions)
        {
            var kind = (int)def.Kind;
            var sp = def.Parameters(local);
            var funding = def.Funding switch
            {
                FundingSource.MentalHealth => f.MentalHealthScale,
                FundingSource.Vcse => f.VcseScale,
                FundingSource.Jobcentre => f.JobcentreScale,
                _ => grant,
            };
            budget[kind] = sp.BudgetGbpMonthPer1000 * p.Place.Households / 1000 * s.BudgetIndex * funding;
            var unitCost = def.CostIndex == CostIndex.Prices ? sp.CostPerContactGbp * s.PriceIndex : sp.CostPerContactGbp * s.EarningsIndex;
            if (def.Commissioned) unitCost /= Math.Max(0.05, s.CommissioningValue);
            if (def.SingleCrisisFund && sc.SingleCrisisFund >= 0.5) unitCost *= 1 - sc.SingleCrisisFundAdminSaving;
            if (sc.PooledBudgetShare > 0 && def.Pooled) unitCost *= 1 - sc.PooledBudgetAssessmentSaving;
            cost[kind] = Math.Max(1e-9, unitCost);
            effectiveness[kind] = def.CapacityScale switch
            {
                CapacityScale.VcseCapacity => s.VcseCapacity,
                CapacityScale.None => 1.0,
                _ => s.StaffEffectiveness,
            };
        }

        if (sc.PooledBudgetShare > 0) Pool(budget, cost, effectiveness, demandSimulated, weight, Math.Clamp(sc.PooledBudgetShare, 0, 1));

        var capacity = new double[ServiceKinds.Count];
        for (var i = 0; i < capacity.Length; i++) capacity[i] = budget[i] / cost[i] * effectiveness[i];
        // Caseworkers: the budget pays for case slots (cost per contact = cost of a case-month);
        // new cases are the slots households already on the list leave.
        foreach (var def in ServiceKinds.Definitions)
        {
            if (!def.HoldsCases) continue;
            var r = (int)def.Kind;
            capacity[r] = Math.Max(0, capacity[r] - onCaseloadSimulated * weight);
        }
        return new CapacityPlan(capacity, budget);
    }

    /// <summary>
    /// The pooled pot goes first to each pooled service's demand its own money cannot meet,
    /// in proportion to the money that unmet demand would take; anything left returns to
    /// the services in proportion to their budgets.
    /// </summary>
    private static void Pool(double[] budget, double[] cost, double[] effectiveness, ReadOnlySpan<int> demandSimulated, double weight, double share)
    {
        var pot = 0.0;
        foreach (var k in Pooled)
        {
            pot += budget[(int)k] * share;
            budget[(int)k] *= 1 - share;
        }
        var need = new double[ServiceKinds.Count];
        var totalNeed = 0.0;
        var totalOwn = 0.0;
        foreach (var k in Pooled)
        {
            var i = (int)k;
            var own = budget[i] / cost[i] * effectiveness[i];
            var unmet = Math.Max(0, demandSimulated[i] * weight - own);
            need[i] = unmet * cost[i] / Math.Max(1e-9, effectiveness[i]);
            totalNeed += need[i];
            totalOwn += budget[i];
        }
        var toNeed = Math.Min(pot, totalNeed);
        var rest = pot - toNeed;
        foreach (var k in Pooled)
        {
            var i = (int)k;
            var extra = totalNeed > 0 ? toNeed * need[i] / totalNeed : 0;
            extra += totalOwn > 0 ? rest * budget[i] / totalOwn : rest / Pooled.Length;
            budget[i] += extra;
        }
    }
}
