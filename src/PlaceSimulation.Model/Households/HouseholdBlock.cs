using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Randomness;
using PlaceSimulation.Model.Services;
using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Model.Households;

/// <summary>
/// A block of consecutive households of one place (ids FirstId .. FirstId + Count - 1),
/// updated together in a plain loop: the unit a household grain hosts. The household part
/// of the monthly tick lives here, in two steps with the services in between:
/// <see cref="Update"/> (phase 2: work, income, budget, needs, asking for help) and
/// <see cref="Apply"/> (phase 4: what help did, eviction and rehousing, the month's
/// measures). Nothing here depends on the block's size: every household's month is a
/// function of its own state, the month's context and its own random numbers.
/// </summary>
public sealed class HouseholdBlock
{
    private readonly Household[] _households;
    private readonly RequestBuilder _requests = new();
    private long[] _counters = Counter.New();
    /// <summary>Each household's random key for the month of <see cref="_keysFor"/>, made in Update and used again in Apply.</summary>
    private readonly ulong[] _keys;
    private (int Month, ulong Replication, ulong Place)? _keysFor;

    public int FirstId { get; }
    public int Count => _households.Length;

    private HouseholdBlock(int firstId, Household[] households)
    {
        FirstId = firstId;
        _households = households;
        _keys = new ulong[households.Length];
    }

    public static HouseholdBlock Create(int firstId, int count, ulong replicationKey, ulong placeKey, ModelParameters p)
    {
        var hh = new Household[count];
        for (var i = 0; i < count; i++)
        {
            var id = firstId + i;
            hh[i] = PopulationGenerator.Create(id, replicationKey, placeKey + (ulong)(uint)id, p);
        }
        return new HouseholdBlock(firstId, hh);
    }

    public ReadOnlySpan<Household> Households => _households;

    /// <summary>
    /// A block with a copy of this one's households as they stand between months: what
    /// another job sharing these months (an arm that has not yet diverged) starts from. The
    /// rest of a block is scratch for one month, so the copy steps on exactly as this would.
    /// </summary>
    public HouseholdBlock Fork() => new(FirstId, (Household[])_households.Clone());

    /// <summary>The households as bytes, for a fork in another process of the same build (<see cref="FromState"/>).</summary>
    public byte[] ExportState() => System.Runtime.InteropServices.MemoryMarshal.AsBytes(_households.AsSpan()).ToArray();

    /// <summary>A block from <see cref="ExportState"/>: the households of a block of the same ids, between months.</summary>
    public static HouseholdBlock FromState(int firstId, int count, ReadOnlySpan<byte> state)
    {
        var households = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Household>(state).ToArray();
        if (households.Length != count || state.Length != count * System.Runtime.CompilerServices.Unsafe.SizeOf<Household>())
            throw new ArgumentException($"the state of a block of {count} households has {state.Length} bytes, not {count * System.Runtime.CompilerServices.Unsafe.SizeOf<Household>()}");
        for (var i = 0; i < count; i++)
            if (households[i].Id != firstId + i)
                throw new ArgumentException($"the state of block {firstId}..{firstId + count - 1} holds household {households[i].Id} at position {i}");
        return new HouseholdBlock(firstId, households);
    }

    public Household Get(int id) => _households[id - FirstId];

    /// <summary>Phase 2: households live their month and say where they ask for help.</summary>
    public BlockRequests Update(MonthContext ctx)
    {
        var p = ctx.Parameters;
        var b = p.Behaviour;
        var rates = new MonthRates(ctx);
        var help = new HelpContext(b, ctx.Signals.CommunityEngagement,
            RelationalAvailable: p.Local.Relational.BudgetGbpMonthPer1000 > 0,
            IntegratedFrontDoor: p.Local.SystemsChange.IntegratedFrontDoor >= 0.5,
            SevereThreshold: p.Measures.SevereNeedThreshold);
        var tightness = LabourMarket.Tightness(p.Place, p.Economy);

        _counters = Counter.New();
        _keysFor = (ctx.Month, ctx.ReplicationKey, ctx.PlaceKey);
        _requests.Clear();
        var onCaseload = 0;
        var leaked = 0;
        var newSanctions = 0;
        for (var i = 0; i < _households.Length; i++)
        {
            ref var h = ref _households[i];
            var key = CounterRng.EntityMonthKey(ctx.ReplicationKey, ctx.HouseholdEntity(h.Id), ctx.Month);
            _keys[i] = key;
            LabourMarket.Step(ref h, key, p.Economy, b, p.Local.Jobcentre, ctx.Signals, p.Place, tightness);
            if (Sanctions.Step(ref h, key, p.National.Sanctions, b, rates)) newSanctions++;
            TakeUp.Step(ref h, key, b);
            HouseholdIncome.Assess(ref h, rates, p, key);
            var instalment = CouncilTaxCollection.PlanInstalment(ref h);
            HouseholdBudget.Balance(ref h, rates, b, instalment);
            h.Destitute = Outcomes.IsDestitute(h, rates);
            NeedsDynamics.Step(ref h, key, b, p.National.UniversalCredit.LcwraNeedThreshold, _counters);
            h.Trust += (float)(b.TrustDriftMonthly * (p.Place.TrustMean - h.Trust));
            leaked += HelpSeeking.Ask(ref h, key, help, rates, _requests, _counters);
            Outcomes.NoteCrisisContact(ref h);
            if (h.CaseMonths > 0) onCaseload++;
        }
        _counters[Counter.NewSanctions] += newSanctions;
        _counters[Counter.LeakedReferrals] += leaked;
        _counters[Counter.FailureDemandPence] += leaked * Counter.Pence(b.WastedAssessmentCostGbp * rates.EarningsIndex);
        return _requests.Build(onCaseload);
    }

    /// <summary>Phase 4: the help granted takes effect; evictions and rehousing; the month is measured.</summary>
    public long[] Apply(MonthContext ctx, BlockGrants grants)
    {
        var p = ctx.Parameters;
        var rates = new MonthRates(ctx);
        var effects = new EffectContext(p, rates, ctx.Signals.StaffEffectiveness, ctx.Signals.VcseCapacity, ctx.Signals.CommissioningValue);
        var g = 0;
        var tally = new CounterTally(_counters);
        // The keys Update made this month (made afresh if Apply comes without it).
        var keysMade = _keysFor == (ctx.Month, ctx.ReplicationKey, ctx.PlaceKey);
        var keys = _keys;
        for (var i = 0; i < _households.Length; i++)
        {
            ref var h = ref _households[i];
            ushort granted = 0;
            if (g < grants.Households.Length && grants.Households[g] == h.Id) granted = grants.Granted[g++];

            var addressed = 0;
            if (granted != 0 || h.Requested != 0 || h.CaseMonths > 0)
                addressed = ServiceEffects.Apply(ref h, granted, effects, _counters);

            var key = keysMade ? keys[i] : CounterRng.EntityMonthKey(ctx.ReplicationKey, ctx.HouseholdEntity(h.Id), ctx.Month);
            Homelessness.Step(ref h, key, (addressed & (1 << (int)NeedDomain.Housing)) != 0, p, rates, _counters);
            h.Destitute = Outcomes.IsDestitute(h, rates);
            Outcomes.Count(ref h, addressed, rates, p, tally);
        }
        if (g != grants.Households.Length)
            throw new InvalidOperationException($"grants for households outside block {FirstId}..{FirstId + Count - 1} or out of order");
        return _counters;
    }
}
