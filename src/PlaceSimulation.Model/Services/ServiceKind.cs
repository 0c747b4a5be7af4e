using PlaceSimulation.Model.Households;
using PlaceSimulation.Model.Metrics;

namespace PlaceSimulation.Model.Services;

/// <summary>
/// The local services of a place. The order is the order of allocation in
/// a month: the relational caseworkers see a household first (they work on all its needs),
/// then the crisis fund, then the specialists. Values index arrays: never reorder.
/// </summary>
public enum ServiceKind : byte
{
    Relational = 0,
    CrisisFund = 1,
    Advice = 2,
    Housing = 3,
    MentalHealth = 4,
    Vcse = 5,
    Jobcentre = 6,
    CouncilTax = 7,
}

public static class ServiceKinds
{
    public const int Count = 8;

    private const int AllDomains = (1 << NeedDomains.Count) - 1;
    private static int D(params NeedDomain[] ds) => ds.Aggregate(0, (a, d) => a | (1 << (int)d));

    /// <summary>
    /// The services, one record each, indexed by <see cref="ServiceKind"/>: the one place a
    /// service's properties are written (docs/MODEL.md §4 shows this table). Sources: Studdert,
    /// New Local, Radical Help / community power (2019-2021); JRF, Cost of living and hardship
    /// series (2022-2024); Renaisi, frontline staff and commissioning (2023); JRF, Destitution in
    /// the UK 2023.
    /// </summary>
    public static readonly ServiceDefinition[] Definitions =
    [
        new(ServiceKind.Relational, "relational", "Relational caseworkers", AllDomains,
            FundingSource.LocalGovernmentGrant, CostIndex.Earnings, Commissioned: false, CapacityScale.StaffEffectiveness,
            Pooled: false, SingleCrisisFund: false, HoldsCases: true, WaitingList: false, Backlog: false, Voluntary: true,
            CrisisService: false, MeetsCrisisRequest: false, Specialist: false, SupersededByCaseworker: false,
            Round: 0, EffectOrder: 0, l => l.Relational, ServiceEffects.Relational,
            "holds the household for `local.systems_change.relational_case_months`; each month every need × (1 − `local.relational.effect` × staff effectiveness); claims started; debt × (1 − effect/2); arrears × (1 − effect); council-tax plan; a sanction shortened; trust +2 × `help_trust_gain`; agency +0.02",
            Counter.FirstLayoutSlots(ServiceKind.Relational)),
        new(ServiceKind.CrisisFund, "crisis_fund", "Local crisis fund", D(NeedDomain.Income),
            FundingSource.LocalGovernmentGrant, CostIndex.Prices, Commissioned: false, CapacityScale.None,
            Pooled: true, SingleCrisisFund: true, HoldsCases: false, WaitingList: false, Backlog: false, Voluntary: true,
            CrisisService: true, MeetsCrisisRequest: true, Specialist: false, SupersededByCaseworker: false,
            Round: 0, EffectOrder: 5, l => l.CrisisFund, ServiceEffects.CrisisFund,
            "a cash award meeting the month's gap (or the distance to the destitution line), up to `local.crisis_fund.cost_per_contact_gbp` × price index",
            Counter.FirstLayoutSlots(ServiceKind.CrisisFund)),
        new(ServiceKind.Advice, "advice", "Debt and welfare advice", D(NeedDomain.Income, NeedDomain.Debt),
            FundingSource.LocalGovernmentGrant, CostIndex.Earnings, Commissioned: true, CapacityScale.StaffEffectiveness,
            Pooled: true, SingleCrisisFund: false, HoldsCases: false, WaitingList: true, Backlog: true, Voluntary: true,
            CrisisService: true, MeetsCrisisRequest: false, Specialist: true, SupersededByCaseworker: true,
            Round: 1, EffectOrder: 1, l => l.Advice, ServiceEffects.Advice,
            "claims started; debt, debt need and income need × (1 − `local.advice.effect` × commissioning value); council-tax plan",
            Counter.FirstLayoutSlots(ServiceKind.Advice)),
        new(ServiceKind.Housing, "housing", "Housing options", D(NeedDomain.Housing),
            FundingSource.LocalGovernmentGrant, CostIndex.Earnings, Commissioned: false, CapacityScale.StaffEffectiveness,
            Pooled: true, SingleCrisisFund: false, HoldsCases: false, WaitingList: true, Backlog: true, Voluntary: true,
            CrisisService: true, MeetsCrisisRequest: false, Specialist: true, SupersededByCaseworker: true,
            Round: 1, EffectOrder: 2, l => l.Housing, ServiceEffects.Housing,
            "arrears and housing need × (1 − `local.housing.effect` × staff effectiveness); no eviction that month; rehousing of homeless households twice as likely",
            Counter.FirstLayoutSlots(ServiceKind.Housing)),
        new(ServiceKind.MentalHealth, "mental_health", "Mental health", D(NeedDomain.MentalHealth),
            FundingSource.MentalHealth, CostIndex.Earnings, Commissioned: false, CapacityScale.None,
            Pooled: true, SingleCrisisFund: false, HoldsCases: false, WaitingList: true, Backlog: true, Voluntary: true,
            CrisisService: false, MeetsCrisisRequest: false, Specialist: true, SupersededByCaseworker: true,
            Round: 1, EffectOrder: 3, l => l.MentalHealth, ServiceEffects.MentalHealth,
            "mental need × (1 − `local.mental_health.effect`)",
            Counter.FirstLayoutSlots(ServiceKind.MentalHealth)),
        new(ServiceKind.Vcse, "vcse", "Community organisations", D(NeedDomain.Isolation, NeedDomain.PhysicalHealth),
            FundingSource.Vcse, CostIndex.Earnings, Commissioned: true, CapacityScale.VcseCapacity,
            Pooled: true, SingleCrisisFund: false, HoldsCases: false, WaitingList: true, Backlog: true, Voluntary: true,
            CrisisService: true, MeetsCrisisRequest: true, Specialist: true, SupersededByCaseworker: true,
            Round: 1, EffectOrder: 4, l => l.Vcse, ServiceEffects.Vcse,
            "isolation × (1 − e), physical need × (1 − e/3), e = `local.vcse.effect` × capacity × commissioning value; food for households asking for crisis help (a parcel per person; income need × (1 − e/2))",
            Counter.FirstLayoutSlots(ServiceKind.Vcse)),
        new(ServiceKind.Jobcentre, "jobcentre", "Jobcentre work coaches", 0,
            FundingSource.Jobcentre, CostIndex.Earnings, Commissioned: false, CapacityScale.None,
            Pooled: false, SingleCrisisFund: false, HoldsCases: false, WaitingList: false, Backlog: false, Voluntary: false,
            CrisisService: false, MeetsCrisisRequest: false, Specialist: false, SupersededByCaseworker: false,
            Round: 1, EffectOrder: 6, l => l.Jobcentre, ServiceEffects.Jobcentre,
            "next month's job finding × (1 + `local.jobcentre.effect`)",
            Counter.FirstLayoutSlots(ServiceKind.Jobcentre)),
        new(ServiceKind.CouncilTax, "council_tax", "Council tax collection", 0,
            FundingSource.LocalGovernmentGrant, CostIndex.Earnings, Commissioned: false, CapacityScale.StaffEffectiveness,
            Pooled: false, SingleCrisisFund: false, HoldsCases: false, WaitingList: false, Backlog: true, Voluntary: false,
            CrisisService: false, MeetsCrisisRequest: false, Specialist: false, SupersededByCaseworker: false,
            Round: 1, EffectOrder: 7, l => l.CouncilTax, ServiceEffects.CouncilTax,
            "**enforcement**: arrears + `enforcement_fee_gbp` (Taking Control of Goods fees) become debt; mental need + `enforcement_mental_health_hit`; trust − `enforcement_trust_loss`. **Supportive** (`supportive_council_tax`): a payment plan (a twelfth of arrears a month, at least £10), no fees, and a referral to money advice next month",
            Counter.FirstLayoutSlots(ServiceKind.CouncilTax)),
    ];

    public static readonly ServiceKind[] All = Definitions.Select(d => d.Kind).ToArray();

    public static ServiceDefinition Of(ServiceKind s) => Definitions[(int)s];

    public static ushort Bit(ServiceKind s) => (ushort)(1 << (int)s);

    private static ushort Mask(Func<ServiceDefinition, bool> has) =>
        (ushort)Definitions.Where(has).Aggregate(0, (a, d) => a | d.Bit);

    /// <summary>
    /// The crisis services whose users JRF's destitution census counts (food banks and other
    /// voluntary crisis help, local welfare assistance, advice, homelessness services):
    /// Destitution in the UK 2023.
    /// </summary>
    public static readonly ushort CrisisServices = Mask(d => d.CrisisService);

    /// <summary>Services that households ask for, whose refusal is a broken promise.</summary>
    public static readonly ushort VoluntaryServices = Mask(d => d.Voluntary);

    /// <summary>Services whose help meets a request for crisis help (a crisis award, food).</summary>
    public static readonly ushort CrisisHelp = Mask(d => d.MeetsCrisisRequest);

    /// <summary>
    /// Services that keep a waiting list: a household stays on it until seen, its need
    /// eases, or it gives up. Relational caseworkers keep none: they triage the month's
    /// complex cases as slots free up, and a household not taken on is put forward again
    /// when it next asks.
    /// </summary>
    public static readonly ServiceKind[] WithWaitingLists = Definitions.Where(d => d.WaitingList).Select(d => d.Kind).ToArray();

    public static readonly ushort WaitingListServices = Mask(d => d.WaitingList);

    /// <summary>Services whose households count in the pressure on services, by number.</summary>
    public static readonly ServiceKind[] Voluntary = Definitions.Where(d => d.Voluntary).Select(d => d.Kind).ToArray();

    /// <summary>Services in the pooled place budget, by number.</summary>
    public static readonly ServiceKind[] Pooled = Definitions.Where(d => d.Pooled).Select(d => d.Kind).ToArray();

    /// <summary>The services in the order their help is applied to a household.</summary>
    public static readonly ServiceDefinition[] ByEffectOrder = Definitions.OrderBy(d => d.EffectOrder).ToArray();

    private static readonly ServiceKind[] SpecialistByDomain = Enumerable.Range(0, NeedDomains.Count)
        .Select(nd => Definitions.Where(d => d.Specialist && (d.Domains & (1 << nd)) != 0).Select(d => d.Kind).DefaultIfEmpty(ServiceKind.Vcse).First())
        .ToArray();

    /// <summary>
    /// Services whose unmet requests form a backlog that waits (waiting lists, and council-tax
    /// arrears cases not yet worked), so a wait in months means something; the caseworkers,
    /// the crisis fund and work coaches decide afresh each month.
    /// </summary>
    public static bool HasBacklog(ServiceKind s) => Definitions[(int)s].Backlog;

    /// <summary>The need domains a service works on (bits by <see cref="NeedDomain"/>).</summary>
    public static int Domains(ServiceKind s) => Definitions[(int)s].Domains;

    public static string Name(ServiceKind s) => Definitions[(int)s].Name;

    public static string Label(ServiceKind s) => Definitions[(int)s].Label;

    /// <summary>
    /// In siloed mode, the specialist service whose door a need in this domain is taken to.
    /// Physical health care is the NHS's and outside a place's levers; locally the route is
    /// social prescribing through community organisations (stated assumption).
    /// </summary>
    public static ServiceKind SpecialistFor(NeedDomain d) => SpecialistByDomain[(int)d];
}
