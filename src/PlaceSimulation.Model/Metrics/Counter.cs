using PlaceSimulation.Model.Households;
using PlaceSimulation.Model.Services;

namespace PlaceSimulation.Model.Metrics;

/// <summary>
/// What households, services and places count each month: integer sums (money in pence,
/// fractions in millionths), so a place's totals are the same whatever the grouping of
/// households into grains or the order in which partial sums arrive. Indices are part of
/// the messages between grains: append, never renumber.
/// </summary>
public static class Counter
{
    public const int Households = 0;
    public const int People = 1;
    public const int Children = 2;
    public const int PeopleInPoverty = 3;
    public const int ChildrenInPoverty = 4;
    public const int PeopleInDeepPoverty = 5;
    public const int HouseholdsDestitute = 6;
    public const int HouseholdsDestitutePast12 = 7;
    public const int HouseholdsHomeless = 8;
    public const int Evictions = 9;
    public const int UnmetNeeds = 10;
    public const int SevereNeeds = 11;
    public const int UcEligible = 12;
    public const int UcClaiming = 13;
    public const int Conditional = 14;
    public const int Sanctioned = 15;
    public const int NewSanctions = 16;
    public const int WorkingAgeAdults = 17;
    public const int AdultsWorking = 18;
    public const int BenefitPence = 19;
    public const int FailureDemandPence = 20;
    public const int CrisisAwardPence = 21;
    public const int TrustMicros = 22;
    public const int LeakedReferrals = 23;
    public const int EnforcementActions = 24;
    public const int MentalHealthCrises = 25;
    public const int OnCaseload = 26;
    public const int PaymentPlans = 27;
    public const int DebtPence = 28;
    public const int HousingArrearsPence = 29;
    public const int HouseholdsInPoverty = 30;
    public const int ServiceSpendPence = 31;
    public const int StaffEffectivenessMicros = 32;
    public const int CommunityEngagementMicros = 33;
    public const int VcseCapacityMicros = 34;
    public const int StaffTurnoverMicros = 35;
    public const int FoodParcels = 36;
    public const int Pensioners = 37;
    public const int PensionersInPoverty = 38;
    public const int WorkingAgeAdultsInPoverty = 39;

    public const int SevereNeedBase = 40;
    public const int UnmetNeedBase = SevereNeedBase + NeedDomains.Count;
    /// <summary>
    /// The eight services of the first layout have their counters in four runs of eight from
    /// here (demand, served, capacity, queue), by service number. A service added later gets
    /// four counters appended at the end (its <see cref="ServiceDefinition.Counters"/>), so
    /// nothing renumbers.
    /// </summary>
    public const int FirstLayoutServices = 8;
    public const int DemandBase = 60;
    public const int ServedBase = DemandBase + FirstLayoutServices;
    public const int CapacityMilliBase = ServedBase + FirstLayoutServices;

    public const int QueueBase = CapacityMilliBase + FirstLayoutServices;

    public const int DestituteOnBenefits = QueueBase + FirstLayoutServices;
    public const int PensionCreditEligible = DestituteOnBenefits + 1;
    public const int PensionCreditClaiming = DestituteOnBenefits + 2;
    public const int UcPaid = DestituteOnBenefits + 3;
    public const int UcWithDeductions = DestituteOnBenefits + 4;
    public const int CouncilTaxArrearsHouseholds = DestituteOnBenefits + 5;
    public const int GaveUpWaiting = DestituteOnBenefits + 6;
    public const int DestituteSeenPast12 = DestituteOnBenefits + 7;

    public const int FoodBankReferrals = DestituteOnBenefits + 8;
    public const int FoodBankPeople = DestituteOnBenefits + 9;
    public const int FoodBankAdults = DestituteOnBenefits + 10;
    public const int CrisisRequests = DestituteOnBenefits + 11;
    public const int UnmetCrisisRequests = DestituteOnBenefits + 12;
    public const int WorsenedWaiting = DestituteOnBenefits + 13;

    public const int Count = WorsenedWaiting + 1;

    public static int SevereNeed(NeedDomain d) => SevereNeedBase + (int)d;
    public static int UnmetNeed(NeedDomain d) => UnmetNeedBase + (int)d;
    public static int Demand(ServiceKind s) => ServiceKinds.Definitions[(int)s].Counters.Demand;
    public static int Served(ServiceKind s) => ServiceKinds.Definitions[(int)s].Counters.Served;
    public static int CapacityMilli(ServiceKind s) => ServiceKinds.Definitions[(int)s].Counters.CapacityMilli;
    public static int Queue(ServiceKind s) => ServiceKinds.Definitions[(int)s].Counters.Queue;

    /// <summary>The counters of one of the eight services of the first layout.</summary>
    public static ServiceCounters FirstLayoutSlots(ServiceKind s)
    {
        if ((int)s >= FirstLayoutServices) throw new ArgumentOutOfRangeException(nameof(s), "a service added later appends its counters at the end");
        return new ServiceCounters(DemandBase + (int)s, ServedBase + (int)s, CapacityMilliBase + (int)s, QueueBase + (int)s);
    }

    /// <summary>
    /// Every counter's stable name, by index: the named constants above (snake case) and each
    /// service's four (<c>demand.&lt;service&gt;</c> ...). A test compares them with a committed
    /// list, so the layout can only grow at the end.
    /// </summary>
    public static IReadOnlyList<string> Names => _names ??= BuildNames();

    private static string[]? _names;

    private static string[] BuildNames()
    {
        var names = new string?[Count];
        void Put(int i, string name)
        {
            if (names[i] is not null) throw new InvalidOperationException($"counter {i} is both '{names[i]}' and '{name}'");
            names[i] = name;
        }
        foreach (var f in typeof(Counter).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
        {
            if (!f.IsLiteral || f.FieldType != typeof(int) || f.Name.EndsWith("Base", StringComparison.Ordinal)
                || f.Name is nameof(Count) or nameof(FirstLayoutServices)) continue;
            Put((int)f.GetRawConstantValue()!, Parameters.ParameterSchema.ToSnake(f.Name));
        }
        foreach (var d in NeedDomains.All)
        {
            Put(SevereNeed(d), "severe_need." + NeedDomains.Name(d));
            Put(UnmetNeed(d), "unmet_need." + NeedDomains.Name(d));
        }
        foreach (var s in ServiceKinds.Definitions)
        {
            Put(s.Counters.Demand, "demand." + s.Name);
            Put(s.Counters.Served, "served." + s.Name);
            Put(s.Counters.CapacityMilli, "capacity_milli." + s.Name);
            Put(s.Counters.Queue, "queue." + s.Name);
        }
        // Indices the first layout left free (between the need and service counters).
        for (var i = 0; i < names.Length; i++) names[i] ??= $"reserved_{i}";
        return names!;
    }

    /// <summary>
    /// The largest value one household (or one service) adds to a counter: 2^62 shared among
    /// 100 million households (about £460 million in pence). A place's totals are sums of at most
    /// that many such terms, so they cannot overflow; a term beyond it (or not a number) means the
    /// model has left any real range, and the month fails instead of writing wrong numbers.
    /// </summary>
    public const long MaxTerm = (1L << 62) / 100_000_000;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static long Pence(double pounds) => Term(pounds * 100.0, "an amount of money (GBP)", pounds);
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static long Micros(double fraction) => Term(fraction * 1_000_000.0, "a share", fraction);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static long Term(double scaled, string what, double value)
    {
        // One comparison in the common case: NaN fails it too. The failure is built out of line,
        // so that this inlines into the household loop.
        if (!(Math.Abs(scaled) <= MaxTerm)) ThrowOutOfRange(what, value);
        // Math.Round(scaled, MidpointRounding.AwayFromZero) is Truncate(scaled + CopySign(0.5 less
        // one ulp, scaled)); within MaxTerm a truncating conversion gives that same whole number in one
        // instruction, without the rounding instruction and the saturating conversion.
        if (System.Runtime.Intrinsics.X86.Sse2.X64.IsSupported)
            return System.Runtime.Intrinsics.X86.Sse2.X64.ConvertToInt64WithTruncation(
                System.Runtime.Intrinsics.Vector128.CreateScalarUnsafe(scaled + double.CopySign(BelowHalf, scaled)));
        return (long)Math.Round(scaled, MidpointRounding.AwayFromZero);
    }

    private static readonly double BelowHalf = Math.BitDecrement(0.5);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ThrowOutOfRange(string what, double value) =>
        throw Overflow($"{what} of {value:G4} for one household is out of the model's range");

    public static long[] New() => new long[Count];

    /// <summary>Adds a part (a block's counters) into a total (the place's), failing on overflow rather than wrapping round.</summary>
    public static void AddInto(long[] total, long[] part)
    {
        try
        {
            for (var i = 0; i < total.Length; i++) total[i] = checked(total[i] + part[i]);
        }
        catch (OverflowException)
        {
            throw Overflow("a place's total overflowed while its blocks were added up");
        }
    }

    /// <summary>A counter left the range of 64-bit integers: the run fails with this sentence, never writes the wrapped number.</summary>
    public static OverflowException Overflow(string what) =>
        new($"a counter overflowed: {what} (a parameter or lever has pushed the model far beyond any real value)");
}
