using PlaceSimulation.Model.Households;

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

    public static readonly ServiceKind[] All =
    [
        ServiceKind.Relational, ServiceKind.CrisisFund, ServiceKind.Advice, ServiceKind.Housing,
        ServiceKind.MentalHealth, ServiceKind.Vcse, ServiceKind.Jobcentre, ServiceKind.CouncilTax,
    ];

    public static ushort Bit(ServiceKind s) => (ushort)(1 << (int)s);

    /// <summary>
    /// The crisis services whose users JRF's destitution census counts (food banks and other
    /// voluntary crisis help, local welfare assistance, advice, homelessness services):
    /// Destitution in the UK 2023.
    /// </summary>
    public static readonly ushort CrisisServices =
        (ushort)(Bit(ServiceKind.Vcse) | Bit(ServiceKind.CrisisFund) | Bit(ServiceKind.Advice) | Bit(ServiceKind.Housing));

    /// <summary>
    /// Services that keep a waiting list: a household stays on it until seen, its need
    /// eases, or it gives up. Relational caseworkers keep none: they triage the month's
    /// complex cases as slots free up, and a household not taken on is put forward again
    /// when it next asks.
    /// </summary>
    public static readonly ServiceKind[] WithWaitingLists =
        [ServiceKind.Advice, ServiceKind.Housing, ServiceKind.MentalHealth, ServiceKind.Vcse];

    /// <summary>
    /// Services whose unmet requests form a backlog that waits (waiting lists, and council-tax
    /// arrears cases not yet worked), so a wait in months means something; the caseworkers,
    /// the crisis fund and work coaches decide afresh each month.
    /// </summary>
    public static bool HasBacklog(ServiceKind s) => Array.IndexOf(WithWaitingLists, s) >= 0 || s == ServiceKind.CouncilTax;

    /// <summary>The need domains a service works on (bits by <see cref="NeedDomain"/>).</summary>
    public static int Domains(ServiceKind s) => s switch
    {
        ServiceKind.Relational => (1 << NeedDomains.Count) - 1,
        ServiceKind.Advice => (1 << (int)NeedDomain.Income) | (1 << (int)NeedDomain.Debt),
        ServiceKind.Housing => 1 << (int)NeedDomain.Housing,
        ServiceKind.MentalHealth => 1 << (int)NeedDomain.MentalHealth,
        ServiceKind.Vcse => (1 << (int)NeedDomain.Isolation) | (1 << (int)NeedDomain.PhysicalHealth),
        ServiceKind.CrisisFund => 1 << (int)NeedDomain.Income,
        _ => 0,
    };

    public static string Name(ServiceKind s) => s switch
    {
        ServiceKind.Relational => "relational",
        ServiceKind.CrisisFund => "crisis_fund",
        ServiceKind.Advice => "advice",
        ServiceKind.Housing => "housing",
        ServiceKind.MentalHealth => "mental_health",
        ServiceKind.Vcse => "vcse",
        ServiceKind.Jobcentre => "jobcentre",
        ServiceKind.CouncilTax => "council_tax",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static string Label(ServiceKind s) => s switch
    {
        ServiceKind.Relational => "Relational caseworkers",
        ServiceKind.CrisisFund => "Local crisis fund",
        ServiceKind.Advice => "Debt and welfare advice",
        ServiceKind.Housing => "Housing options",
        ServiceKind.MentalHealth => "Mental health",
        ServiceKind.Vcse => "Community organisations",
        ServiceKind.Jobcentre => "Jobcentre work coaches",
        ServiceKind.CouncilTax => "Council tax collection",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    /// <summary>In siloed mode, the specialist service whose door a need in this domain is taken to.</summary>
    public static ServiceKind SpecialistFor(NeedDomain d) => d switch
    {
        NeedDomain.Income => ServiceKind.Advice,
        NeedDomain.Debt => ServiceKind.Advice,
        NeedDomain.Housing => ServiceKind.Housing,
        NeedDomain.MentalHealth => ServiceKind.MentalHealth,
        // Physical health care is the NHS's and outside a place's levers; locally the
        // route is social prescribing through community organisations (stated assumption).
        NeedDomain.PhysicalHealth => ServiceKind.Vcse,
        _ => ServiceKind.Vcse,
    };
}
