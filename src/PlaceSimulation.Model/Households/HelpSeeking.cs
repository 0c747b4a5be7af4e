using System.Runtime.CompilerServices;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Randomness;
using PlaceSimulation.Model.Services;

namespace PlaceSimulation.Model.Households;

/// <summary>What a household needs to know about the place's services to decide where to ask.</summary>
public readonly record struct HelpContext(
    BehaviourParameters Behaviour,
    double Engagement,
    bool RelationalAvailable,
    bool IntegratedFrontDoor,
    double SevereThreshold);

/// <summary>
/// Whether, and where, a household asks for help this month. Some contacts are not the
/// household's choice: council tax arrears bring the collection team, and claimants with
/// work-search requirements see a work coach. A household already on a service's waiting
/// list stays on it, re-presenting each month, until it is seen, its need eases below the
/// asking threshold, or it gives up (more often when trust is low). Otherwise a household
/// asks about a need with a probability that rises with its severity and falls with low
/// trust, low agency and community disengagement [Studdert, New Local; Renaisi]. Where relational caseworkers
/// exist, a household with two or more severe needs (the 'complex' cases that do not fit a
/// specialism, Studdert, New Local) is also put forward for casework; it also asks the specialist for each
/// need. In siloed mode a new request
/// can land at the wrong door, and the onward referral can be lost (a "leaked" referral:
/// failure demand) [JRF hardship series]. Households already on a caseworker's list ask nobody else: their
/// caseworker works on every need.
/// </summary>
public static class HelpSeeking
{
    /// <summary>Returns the number of referrals lost between services this month; counts those who give up waiting.</summary>
    public static int Ask(ref Household h, ulong key, in HelpContext c, in MonthRates r, RequestBuilder requests, long[] counters)
    {
        var b = c.Behaviour;
        h.Requested = 0;
        h.AskedCrisis = false;
        var leaked = 0;

        if (h.CouncilTaxArrears > 1 && !h.PaymentPlan)
            Add(ref h, requests, ServiceKind.CouncilTax, Priority.Of(Math.Min(1, h.CouncilTaxArrears / Math.Max(1, 3 * r.CouncilTax)), 0));
        if (Sanctions.InConditionality(h, r))
            Add(ref h, requests, ServiceKind.Jobcentre, Priority.Of(h.NeedMental, 0));
        if (h.CaseMonths > 0) return 0;

        var readiness = TakeUp.TrustFactor(h, b) * h.Agency * c.Engagement;

        // Waiting lists: stay on, or leave because the need has eased or the household gives up.
        if (h.Waiting != 0)
        {
            foreach (var s in ServiceKinds.WithWaitingLists)
            {
                var bit = ServiceKinds.Bit(s);
                if ((h.Waiting & bit) == 0) continue;
                var need = MaxNeed(h, ServiceKinds.Domains(s));
                if (need < b.AskThreshold) { h.Waiting &= (ushort)~bit; continue; }
                if (CounterRng.Chance(key, RandomStream.QueueDropout, (int)s, b.QueueDropoutMonthly * (2 - h.Trust)))
                {
                    h.Waiting &= (ushort)~bit;
                    counters[Counter.GaveUpWaiting]++;
                    // Turned away in effect: it stops asking specialists for a while.
                    h.DiscouragedMonths = (byte)Math.Clamp(Math.Round(b.DiscouragedMonths), 0, 60);
                    continue;
                }
                Add(ref h, requests, s, s == ServiceKind.MentalHealth
                    ? Priority.Of(need, h.MonthsWaiting, b.MentalHealthWaitPriorityPerMonth)
                    : Priority.Of(need, h.MonthsWaiting));
            }
        }

        var crisis = h.Gap > 0 || h.Disposable < r.DestitutionLine(h);
        if (crisis && CounterRng.Chance(key, RandomStream.HelpSeekCrisis, CrisisAskChance(h, b, readiness)))
        {
            var severity = CrisisDepth(h);
            if (!h.NoRecourse) Add(ref h, requests, ServiceKind.CrisisFund, Priority.Of(severity, h.MonthsWaiting));
            Add(ref h, requests, ServiceKind.Vcse, Priority.Of(severity, h.MonthsWaiting));
            // A referral to the food bank: Trussell counts a parcel for each person fed.
            h.AskedCrisis = true;
            counters[Counter.CrisisRequests]++;
            counters[Counter.FoodBankReferrals]++;
            counters[Counter.FoodBankPeople] += h.People;
            counters[Counter.FoodBankAdults] += h.Adults + h.NonDependants;
        }
        if (h.DiscouragedMonths > 0)
        {
            // Gave up on a waiting list: asks no specialist until this passes (crisis help aside).
            h.DiscouragedMonths--;
            return 0;
        }

        var asked = 0;
        var severe = 0;
        double maxNeed = 0, sumNeed = 0;
        for (var d = 0; d < NeedDomains.Count; d++)
        {
            var need = h.Need((NeedDomain)d);
            sumNeed += need;
            if (need >= c.SevereThreshold) severe++;
            if (need < b.AskThreshold) continue;
            if (CounterRng.Chance(key, RandomStream.HelpSeekIncome, d, Math.Min(1, b.HelpSeekingBase * need * readiness)))
            {
                asked |= 1 << d;
                maxNeed = Math.Max(maxNeed, need);
            }
        }
        if (h.ReferredOn)
        {
            asked |= (1 << (int)NeedDomain.Income) | (1 << (int)NeedDomain.Debt);
            maxNeed = Math.Max(maxNeed, Math.Max(h.NeedIncome, h.NeedDebt));
            h.ReferredOn = false;
        }
        if (asked == 0) return 0;

        var priority = Priority.Of(maxNeed, h.MonthsWaiting);
        if (c.RelationalAvailable && severe >= 2)
            Join(ref h, requests, ServiceKind.Relational, Priority.Of(Math.Min(1, sumNeed / 3), h.MonthsWaiting));

        for (var d = 0; d < NeedDomains.Count; d++)
        {
            if ((asked & (1 << d)) == 0) continue;
            var service = ServiceKinds.SpecialistFor((NeedDomain)d);
            if ((h.Requested & ServiceKinds.Bit(service)) != 0) continue;
            if (!c.IntegratedFrontDoor
                && CounterRng.Uniform(key, RandomStream.WrongDoor, d) < b.WrongDoorShare
                && CounterRng.Uniform(key, RandomStream.ReferralLeak, d) < b.ReferralLeak)
            {
                leaked++;
                h.Trust = Math.Max(0, h.Trust - (float)b.RefusalTrustLoss);
                continue;
            }
            Join(ref h, requests, service, service == ServiceKind.MentalHealth
                ? Priority.Of(maxNeed, h.MonthsWaiting, b.MentalHealthWaitPriorityPerMonth)
                : priority);
        }
        return leaked;
    }

    /// <summary>
    /// How deep the month's shortfall is: the share of the cost of essentials the household's
    /// money after housing costs cannot meet (0 = none short, 1 = nothing for essentials).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double CrisisDepth(in Household h) =>
        h.Essentials > 0 ? Math.Clamp((h.Essentials - h.Disposable) / h.Essentials, 0, 1) : 1;

    /// <summary>
    /// Chance that a household short of essentials asks the crisis fund and the food bank this
    /// month: the crisis multiple of the base chance, times its readiness to ask, times the depth
    /// of the shortfall raised to the depth exponent (0 = depth does not matter); a household
    /// under a sanction is, besides, referred with the sanction referral chance.
    /// </summary>
    public static double CrisisAskChance(in Household h, BehaviourParameters b, double readiness)
    {
        var p = Math.Clamp(b.HelpSeekingBase * b.CrisisAskMultiplier * readiness * Math.Pow(CrisisDepth(h), b.CrisisDepthExponent), 0, 1);
        // Under a sanction the work coach points the claimant to hardship payments and the food
        // bank, whatever the household's trust in services.
        if (h.SanctionMonths > 0) p = 1 - (1 - p) * (1 - Math.Clamp(b.SanctionCrisisReferralMonthly, 0, 1));
        return p;
    }

    /// <summary>Asks a service and joins its waiting list (if it keeps one) until seen.</summary>
    private static void Join(ref Household h, RequestBuilder requests, ServiceKind s, int priority)
    {
        Add(ref h, requests, s, priority);
        if ((ServiceKinds.WaitingListServices & ServiceKinds.Bit(s)) != 0) h.Waiting |= ServiceKinds.Bit(s);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double MaxNeed(in Household h, int domains)
    {
        var max = 0.0;
        for (var d = 0; d < NeedDomains.Count; d++)
            if ((domains & (1 << d)) != 0) max = Math.Max(max, h.Need((NeedDomain)d));
        return max;
    }

    private static void Add(ref Household h, RequestBuilder requests, ServiceKind s, int priority)
    {
        if ((h.Requested & ServiceKinds.Bit(s)) != 0) return;
        h.Requested |= ServiceKinds.Bit(s);
        requests.Add(s, h.Id, priority);
    }
}
