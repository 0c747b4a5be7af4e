using PlaceSimulation.Model.Calendar;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Places;
using PlaceSimulation.Model.Services;

namespace PlaceSimulation.Model.Simulation;

/// <summary>What one month of one place produced.</summary>
public sealed record PlaceMonthResult(int Month, long[] Counters, CapacityPlan Capacity, PlaceSignals NextSignals);

/// <summary>
/// One month of one place, phase by phase with a barrier after each. This
/// is the only place the order of a month is written:
/// <list type="number">
/// <item>levers: the caller resolves the month's parameters into the context;</item>
/// <item>households update and ask for help (one batch of requests per block);</item>
/// <item>services allocate capacity: relational caseworkers first (a household they take on
/// leaves the specialists' queues: its caseworker works on every need), then the crisis
/// fund, then the specialists, the jobcentre and council tax collection;</item>
/// <item>households apply the outcomes (one set of grants per block);</item>
/// <item>the place adds up its counters and moves its slow variables on.</item>
/// </list>
/// </summary>
public static class MonthlyTick
{
    /// <summary>The allocation rounds of a month, each its services by number (<see cref="ServiceDefinition.Round"/>).</summary>
    private static readonly ServiceDefinition[][] Rounds = ServiceKinds.Definitions
        .GroupBy(d => d.Round).OrderBy(g => g.Key).Select(g => g.OrderBy(d => d.Kind).ToArray()).ToArray();

    public static async Task<PlaceMonthResult> RunAsync(IPlaceRuntime place, MonthContext ctx, YearMonth next)
    {
        // Phase 2: households.
        var requests = await place.UpdateHouseholdsAsync(ctx);

        // Phase 3: services.
        var demand = new int[ServiceKinds.Count];
        var onCaseload = 0;
        foreach (var r in requests)
        {
            onCaseload += r.OnCaseload;
            for (var s = 0; s < ServiceKinds.Count; s++) demand[s] += r.Count((ServiceKind)s);
        }
        var plan = CapacityPlanner.Plan(ctx.Parameters, ctx.Signals, demand, onCaseload, ctx.Weight);

        Task<ServiceDecision> Decide(ServiceKind s, int[]? exclude)
        {
            var (ids, priorities) = Merge(requests, s, exclude);
            return place.DecideAsync(ctx, s, plan.Capacity(s) / ctx.Weight, ids, priorities);
        }

        // Round by round; a household a caseworker took on (in an earlier round) leaves the
        // queues of the services it supersedes.
        var decisions = new List<ServiceDecision>(ServiceKinds.Count);
        int[]? onCase = null;
        foreach (var round in Rounds)
        {
            var decided = await Task.WhenAll(round.Select(d => Decide(d.Kind, d.SupersededByCaseworker ? onCase : null)));
            foreach (var d in decided)
            {
                decisions.Add(d);
                if (ServiceKinds.Of(d.Service).HoldsCases) onCase = onCase is null ? d.Granted : Union(onCase, d.Granted);
            }
        }

        // Phase 4: outcomes.
        var grants = SplitByBlock(decisions, place.Blocks);
        var partials = await place.ApplyOutcomesAsync(ctx, grants);

        // Phase 5: the place's totals and slow variables.
        var counters = Counter.New();
        foreach (var part in partials) Counter.AddInto(counters, part);
        foreach (var d in decisions)
        {
            counters[Counter.Demand(d.Service)] = d.Demand;
            counters[Counter.Served(d.Service)] = d.Granted.Length;
            counters[Counter.Queue(d.Service)] = d.Demand - d.Granted.Length;
            counters[Counter.CapacityMilli(d.Service)] = (long)Math.Round(d.Capacity * 1000, MidpointRounding.AwayFromZero);
        }
        // Demand as households asked, before the caseworkers took theirs out of the specialists' queues.
        foreach (var s in ServiceKinds.Definitions)
            if (s.SupersededByCaseworker) counters[s.Counters.Demand] = demand[(int)s.Kind];
        var spend = 0.0;
        foreach (var b in plan.BudgetGbp) spend += b;
        counters[Counter.ServiceSpendPence] = Counter.Pence(spend / ctx.Weight);
        var households = counters[Counter.Households];
        counters[Counter.StaffEffectivenessMicros] = checked(Counter.Micros(ctx.Signals.StaffEffectiveness) * households);
        counters[Counter.StaffTurnoverMicros] = checked(Counter.Micros(ctx.Signals.StaffTurnover) * households);
        counters[Counter.CommunityEngagementMicros] = checked(Counter.Micros(ctx.Signals.CommunityEngagement) * households);
        counters[Counter.VcseCapacityMicros] = checked(Counter.Micros(ctx.Signals.VcseCapacity) * households);

        var nextSignals = PlaceDynamics.Step(ctx.Signals, ctx.Parameters, counters, plan, ctx.Weight, next, burnIn: ctx.Month < 0);
        return new PlaceMonthResult(ctx.Month, counters, plan, nextSignals);
    }

    /// <summary>
    /// All blocks' requests to one service, in block order (so ids ascend), leaving out
    /// households in <paramref name="exclude"/> (ascending).
    /// </summary>
    private static (int[] Ids, int[] Priorities) Merge(IReadOnlyList<BlockRequests> requests, ServiceKind s, int[]? exclude)
    {
        var n = 0;
        foreach (var r in requests) n += r.Count(s);
        var ids = new int[n];
        var pr = new int[n];
        var k = 0;
        var x = 0;
        foreach (var r in requests)
        {
            var hs = r.HouseholdsOf(s);
            var ps = r.PrioritiesOf(s);
            for (var i = 0; i < hs.Length; i++)
            {
                if (exclude is not null)
                {
                    while (x < exclude.Length && exclude[x] < hs[i]) x++;
                    if (x < exclude.Length && exclude[x] == hs[i]) continue;
                }
                ids[k] = hs[i];
                pr[k] = ps[i];
                k++;
            }
        }
        if (k < n)
        {
            Array.Resize(ref ids, k);
            Array.Resize(ref pr, k);
        }
        return (ids, pr);
    }

    /// <summary>Two ascending id lists merged (ascending, no repeats).</summary>
    private static int[] Union(int[] a, int[] b) => a.Concat(b).Distinct().Order().ToArray();

    /// <summary>Every granted household with a bit per service granted, split into the blocks' id ranges.</summary>
    private static BlockGrants[] SplitByBlock(IReadOnlyList<ServiceDecision> decisions, IReadOnlyList<BlockRange> blocks)
    {
        var total = 0;
        foreach (var d in decisions) total += d.Granted.Length;
        var keys = new long[total];
        var k = 0;
        foreach (var d in decisions)
            foreach (var id in d.Granted)
                keys[k++] = ((long)id << 8) | (byte)d.Service;
        Array.Sort(keys);

        var result = new BlockGrants[blocks.Count];
        var i = 0;
        for (var b = 0; b < blocks.Count; b++)
        {
            var ids = new List<int>();
            var masks = new List<ushort>();
            var end = blocks[b].EndId;
            while (i < keys.Length && (int)(keys[i] >> 8) < end)
            {
                var id = (int)(keys[i] >> 8);
                var bit = ServiceKinds.Bit((ServiceKind)(keys[i] & 0xFF));
                if (ids.Count > 0 && ids[^1] == id) masks[^1] |= bit;
                else
                {
                    ids.Add(id);
                    masks.Add(bit);
                }
                i++;
            }
            result[b] = ids.Count == 0 ? BlockGrants.None : new BlockGrants(ids.ToArray(), masks.ToArray());
        }
        return result;
    }
}
