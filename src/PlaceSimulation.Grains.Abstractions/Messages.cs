using PlaceSimulation.Model.Households;
using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Grains;

/// <summary>One month of one place, as the place grain reports it.</summary>
[GenerateSerializer, Immutable, Alias("ps.PlaceMonthReport")]
public sealed record PlaceMonthReport(
    [property: Id(0)] int Month,
    [property: Id(1)] long[] Counters,
    [property: Id(2)] bool Finished);

/// <summary>What a household block grain hosts: consecutive households of one place.</summary>
/// <summary>Where a job stands between two months: the next month, its place's signals, its services' carries and its household blocks.</summary>
[GenerateSerializer, Immutable, Alias("ps.PlaceForkPoint")]
public sealed record PlaceForkPoint(
    [property: Id(0)] PlaceJob Job,
    [property: Id(1)] int Month,
    [property: Id(2)] Model.Places.PlaceSignals Signals,
    [property: Id(3)] double[] Carries,
    [property: Id(4)] IHouseholdBlockGrain[] Blocks);

[GenerateSerializer, Immutable, Alias("ps.BlockSetup")]
public sealed record BlockSetup(
    [property: Id(0)] int FirstId,
    [property: Id(1)] int Count,
    [property: Id(2)] ulong ReplicationKey,
    [property: Id(3)] ulong PlaceKey,
    [property: Id(4)] Model.Parameters.ModelParameters BaseParameters);

/// <summary>A service's month: its capacity and the requests made to it.</summary>
[GenerateSerializer, Immutable, Alias("ps.ServiceCall")]
public sealed record ServiceCall(
    [property: Id(0)] double CapacitySimulated,
    [property: Id(1)] int[] Households,
    [property: Id(2)] int[] Priorities,
    [property: Id(3)] ulong ReplicationKey,
    [property: Id(4)] ulong PlaceKey,
    [property: Id(5)] int Month);

/// <summary>One household as a person following its story sees it.</summary>
[GenerateSerializer, Immutable, Alias("ps.HouseholdView")]
public sealed record HouseholdView(
    [property: Id(0)] int Id,
    [property: Id(1)] int Adults,
    [property: Id(2)] int Children,
    [property: Id(3)] bool Pensioner,
    [property: Id(4)] string Tenure,
    [property: Id(5)] int AdultsWorking,
    [property: Id(6)] double NetEarnings,
    [property: Id(7)] double Benefits,
    [property: Id(8)] double HousingCost,
    [property: Id(9)] double Disposable,
    [property: Id(10)] double Savings,
    [property: Id(11)] double Debt,
    [property: Id(12)] double HousingArrears,
    [property: Id(13)] double CouncilTaxArrears,
    [property: Id(14)] bool Claims,
    [property: Id(15)] int SanctionMonths,
    [property: Id(16)] bool Homeless,
    [property: Id(17)] bool Destitute,
    [property: Id(18)] int CaseMonths,
    [property: Id(19)] double Trust,
    [property: Id(20)] double[] Needs,
    [property: Id(21)] int Requested = 0,
    [property: Id(22)] int Waiting = 0,
    [property: Id(23)] int MonthsWaiting = 0,
    [property: Id(24)] bool ReferredOn = false,
    [property: Id(25)] double Deductions = 0,
    [property: Id(26)] bool NoRecourse = false)
{
    // Requested and Waiting are bit sets of services (bit = ServiceKind): asked this month,
    // and still on a waiting list; MonthsWaiting counts months in a row with a request refused.
    public static HouseholdView From(Household h) => new(
        h.Id, h.Adults, h.Children, h.Pensioner, h.Tenure.ToString(), h.AdultsWorking, h.NetEarnings,
        h.BenefitIncome, h.HousingCost, h.Disposable, h.Savings, h.Debt, h.HousingArrears, h.CouncilTaxArrears,
        h.Claims, h.SanctionMonths, h.Homeless, h.Destitute, h.CaseMonths, h.Trust,
        NeedDomains.All.Select(d => (double)h.Need(d)).ToArray(),
        h.Requested, h.Waiting, h.MonthsWaiting, h.ReferredOn, h.Deductions, h.NoRecourse);
}
