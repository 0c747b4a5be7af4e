using PlaceSimulation.Model.Households;
using PlaceSimulation.Model.Parameters;

namespace PlaceSimulation.Model.Services;

/// <summary>Which national funding lever scales a service's budget (§4.1 of docs/MODEL.md).</summary>
public enum FundingSource : byte
{
    /// <summary>Council money: the share g of it that is central grant × <c>local_government_grant_scale</c>.</summary>
    LocalGovernmentGrant,
    /// <summary>× <c>national.funding.mental_health_scale</c>.</summary>
    MentalHealth,
    /// <summary>× <c>national.funding.vcse_scale</c>.</summary>
    Vcse,
    /// <summary>× <c>national.funding.jobcentre_scale</c>.</summary>
    Jobcentre,
}

/// <summary>Which index a service's cost per contact follows.</summary>
public enum CostIndex : byte
{
    /// <summary>Services are staff: cost follows earnings.</summary>
    Earnings,
    /// <summary>Cash awards: cost follows prices.</summary>
    Prices,
}

/// <summary>What scales a service's capacity besides its budget and cost.</summary>
public enum CapacityScale : byte
{
    /// <summary>The staff time left after turnover and top-down monitoring (feedback loop, §6.2).</summary>
    StaffEffectiveness,
    /// <summary>Community organisations' capacity after burnout (feedback loop, §6.2).</summary>
    VcseCapacity,
    /// <summary>Nothing: capacity is budget / cost.</summary>
    None,
}

/// <summary>What a contact (or, for a caseworker, a month on the list) does for a household; <paramref name="granted"/> is true when the service saw it this month.</summary>
public delegate void HelpAction(ref Household h, bool granted, in EffectContext c, long[] counters);

/// <summary>The counters a service writes each month (indices into <see cref="Metrics.Counter"/>): fixed once given, never renumbered.</summary>
public readonly record struct ServiceCounters(int Demand, int Served, int CapacityMilli, int Queue);

/// <summary>
/// One local service: everything the model knows about it, in one record. The table of them
/// is <see cref="ServiceKinds.Definitions"/> (docs/MODEL.md §4 shows the same table). Adding a
/// service means a new <see cref="ServiceKind"/> value (the next number), a
/// <see cref="ServiceParameters"/> property in <see cref="LocalParameters"/> with its entries in
/// <c>parameters/</c>, a record here with four new counters appended at the end of
/// <see cref="Metrics.Counter"/>, and a line in tests' committed counter layout.
/// </summary>
/// <param name="Kind">The service; its number indexes arrays and is also its allocation and tie-break stream.</param>
/// <param name="Name">Snake-case name: metric suffix (<c>demand_&lt;name&gt;</c>) and parameter group <c>local.&lt;name&gt;</c>.</param>
/// <param name="Label">Human label for charts and tables.</param>
/// <param name="Domains">The need domains the service works on (bits by <see cref="NeedDomain"/>): what its help addresses.</param>
/// <param name="Funding">The national funding lever that scales its budget.</param>
/// <param name="CostIndex">The index its cost per contact follows.</param>
/// <param name="Commissioned">Commissioned out: a contact costs more as 'more for less' commissioning bites.</param>
/// <param name="CapacityScale">What scales its capacity.</param>
/// <param name="Pooled">Part of the pooled place budget.</param>
/// <param name="SingleCrisisFund">Its administration is what a single crisis fund saves.</param>
/// <param name="HoldsCases">Holds a household for months (caseworkers): the budget buys case slots, and help continues while the case lasts.</param>
/// <param name="WaitingList">Keeps a waiting list: a household stays on it until seen, its need eases, or it gives up.</param>
/// <param name="Backlog">Unmet requests form a backlog that waits, so a wait in months means something.</param>
/// <param name="Voluntary">Households ask for it; a refusal is a broken promise (trust, months waited) and counts in the pressure on services.</param>
/// <param name="CrisisService">One of the crisis services whose users JRF's destitution census counts.</param>
/// <param name="MeetsCrisisRequest">Its help (a crisis award, food) meets a request for crisis help.</param>
/// <param name="Specialist">In siloed mode, the door a need in its domains is taken to (the first such service by number).</param>
/// <param name="SupersededByCaseworker">A household a caseworker takes on this month leaves its queue (the caseworker works on every need).</param>
/// <param name="Round">Allocation round within a month: round 0 (caseworkers, crisis fund) decides before round 1.</param>
/// <param name="EffectOrder">Order in which help is applied to a household within a month.</param>
/// <param name="Parameters">Its parameters within the local ones.</param>
/// <param name="Help">What its help does.</param>
/// <param name="HelpDescription">What its help does, in words (docs/MODEL.md §4.3).</param>
/// <param name="Counters">Its counters.</param>
public sealed record ServiceDefinition(
    ServiceKind Kind,
    string Name,
    string Label,
    int Domains,
    FundingSource Funding,
    CostIndex CostIndex,
    bool Commissioned,
    CapacityScale CapacityScale,
    bool Pooled,
    bool SingleCrisisFund,
    bool HoldsCases,
    bool WaitingList,
    bool Backlog,
    bool Voluntary,
    bool CrisisService,
    bool MeetsCrisisRequest,
    bool Specialist,
    bool SupersededByCaseworker,
    int Round,
    int EffectOrder,
    Func<LocalParameters, ServiceParameters> Parameters,
    HelpAction Help,
    string HelpDescription,
    ServiceCounters Counters)
{
    public ushort Bit => (ushort)(1 << (int)Kind);

    /// <summary>The parameter group in scenario files: <c>local.&lt;name&gt;</c>.</summary>
    public string ParameterPath => "local." + Name;

    /// <summary>The parameter path of the national funding lever that scales its budget.</summary>
    public string FundingParameterPath => Funding switch
    {
        FundingSource.LocalGovernmentGrant => "national.funding.local_government_grant_scale",
        FundingSource.MentalHealth => "national.funding.mental_health_scale",
        FundingSource.Vcse => "national.funding.vcse_scale",
        FundingSource.Jobcentre => "national.funding.jobcentre_scale",
        _ => throw new ArgumentOutOfRangeException(nameof(Funding)),
    };
}
