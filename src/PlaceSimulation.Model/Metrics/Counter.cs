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
    public const int DemandBase = 60;
    public const int ServedBase = DemandBase + ServiceKinds.Count;
    public const int CapacityMilliBase = ServedBase + ServiceKinds.Count;

    public const int QueueBase = CapacityMilliBase + ServiceKinds.Count;

    public const int DestituteOnBenefits = QueueBase + ServiceKinds.Count;
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
    public static int Demand(ServiceKind s) => DemandBase + (int)s;
    public static int Served(ServiceKind s) => ServedBase + (int)s;
    public static int CapacityMilli(ServiceKind s) => CapacityMilliBase + (int)s;
    public static int Queue(ServiceKind s) => QueueBase + (int)s;

    public static long Pence(double pounds) => (long)Math.Round(pounds * 100.0, MidpointRounding.AwayFromZero);
    public static long Micros(double fraction) => (long)Math.Round(fraction * 1_000_000.0, MidpointRounding.AwayFromZero);

    public static long[] New() => new long[Count];

    public static void AddInto(long[] total, long[] part)
    {
        for (var i = 0; i < total.Length; i++) total[i] += part[i];
    }
}
