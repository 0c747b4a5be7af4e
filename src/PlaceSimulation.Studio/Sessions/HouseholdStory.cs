using System.Globalization;
using PlaceSimulation.Grains;
using PlaceSimulation.Model.Households;
using PlaceSimulation.Model.Services;

namespace PlaceSimulation.Studio.Sessions;

/// <summary>What the room picks a household by; null fields match anything.</summary>
public sealed record HouseholdFilter(int? Adults = null, int? Children = null, string? Tenure = null, bool? UniversalCredit = null, bool? Pensioner = null)
{
    public bool Matches(HouseholdView h) =>
        (Adults is null || h.Adults == Adults)
        && (Children is null || (Children >= 3 ? h.Children >= 3 : h.Children == Children))
        && (Tenure is null || string.Equals(TenureName(h.Tenure), Tenure, StringComparison.OrdinalIgnoreCase) || string.Equals(h.Tenure, Tenure, StringComparison.OrdinalIgnoreCase))
        && (UniversalCredit is null || (h.Claims && !h.Pensioner) == UniversalCredit)
        && (Pensioner is null || h.Pensioner == Pensioner);

    public static string TenureName(string tenure) => tenure switch
    {
        nameof(Model.Households.Tenure.PrivateRent) => "private_rent",
        nameof(Model.Households.Tenure.SocialRent) => "social_rent",
        _ => "owner",
    };

    public override string ToString()
    {
        var parts = new List<string>();
        if (Adults is { } a) parts.Add(a == 1 ? "one adult" : $"{a} adults");
        if (Children is { } c) parts.Add(c >= 3 ? "3 or more children" : c == 1 ? "1 child" : $"{c} children");
        if (Tenure is { } t) parts.Add(t.Replace('_', ' '));
        if (UniversalCredit is { } uc) parts.Add(uc ? "on Universal Credit" : "not on Universal Credit");
        if (Pensioner is { } p) parts.Add(p ? "pensioners" : "working age");
        return parts.Count == 0 ? "any household" : string.Join(", ", parts);
    }
}

/// <summary>
/// One household's month told in plain words, as poverty simulations tell a family's month
/// (work, income, Universal Credit, sanctions, debts and arrears, needs, help asked for and
/// what came of it). It reads two snapshots of the household, before and after the month;
/// it never changes the model.
/// </summary>
public static class HouseholdStory
{
    private static readonly CultureInfo En = CultureInfo.InvariantCulture;

    /// <summary>Who the household is, in one sentence.</summary>
    public static string Introduce(HouseholdView h, double severeThreshold)
    {
        var who = h.Pensioner
            ? (h.Adults == 1 ? "A pensioner living alone" : "A pensioner couple")
            : h.Adults == 1
                ? h.Children > 0 ? $"A lone parent with {Kids(h.Children)}" : "A single adult"
                : h.Children > 0 ? $"A couple with {Kids(h.Children)}" : "A couple with no children";
        var home = h.Tenure switch
        {
            nameof(Tenure.PrivateRent) => "renting privately",
            nameof(Tenure.SocialRent) => "in a council or housing association home",
            _ => "in a home they own",
        };
        return $"{who}, {home}. {Month(null, h, severeThreshold)}";
    }

    /// <summary>The month just run: what is true now, and what changed since <paramref name="before"/>.</summary>
    /// <param name="severeThreshold">need severity counted as severe (measures.severe_need_threshold)</param>
    public static string Month(HouseholdView? before, HouseholdView h, double severeThreshold)
    {
        var s = new List<string>();
        s.Add(h.Pensioner ? "Retired."
            : h.AdultsWorking == 0 ? (before is { AdultsWorking: > 0 } ? "Lost their job: no one works now." : "No one works.")
            : $"{(h.AdultsWorking == 1 ? "One adult works" : $"{h.AdultsWorking} adults work")}, earning {Money(h.NetEarnings)} a month after tax" + (before is { AdultsWorking: 0 } ? " (found work this month)." : "."));

        if (h.NoRecourse) s.Add("No recourse to public funds: no Universal Credit.");
        else if (h.Claims && !h.Pensioner) s.Add($"Universal Credit and other benefits: {Money(h.Benefits)} a month" + (h.Deductions > 0 ? $", after {Money(h.Deductions)} taken back for debts." : "."));
        else if (h.Claims) s.Add($"Pension and benefits: {Money(h.Benefits)} a month.");
        else if (!h.Pensioner && h.Benefits > 0) s.Add($"Child Benefit and other benefits: {Money(h.Benefits)} a month.");
        else if (!h.Pensioner && h.AdultsWorking == 0) s.Add("Claims no Universal Credit.");

        if (h.SanctionMonths > 0)
            s.Add(before is { SanctionMonths: 0 } ? $"Sanctioned this month: Universal Credit cut for {h.SanctionMonths} month(s)." : $"Still under a sanction ({h.SanctionMonths} month(s) left).");

        s.Add(h.Disposable < 0
            ? $"Rent of {Money(h.HousingCost)} leaves them {Money(-h.Disposable)} short."
            : $"After {Money(h.HousingCost)} for housing, {Money(h.Disposable)} is left for everything else.");
        if (h.Homeless) s.Add(before is { Homeless: false } ? "Evicted this month: now homeless, in temporary accommodation." : "Homeless, in temporary accommodation.");
        if (h.Destitute) s.Add(before is { Destitute: false } ? "Became destitute: going without essentials." : "Destitute: going without essentials.");
        else if (before is { Destitute: true }) s.Add("No longer destitute.");

        var owes = new List<string>();
        if (h.Debt >= 1) owes.Add($"{Money(h.Debt)} of debt");
        if (h.HousingArrears >= 1) owes.Add($"{Money(h.HousingArrears)} of rent or mortgage arrears");
        if (h.CouncilTaxArrears >= 1) owes.Add($"{Money(h.CouncilTaxArrears)} of council tax arrears");
        s.Add(owes.Count == 0 ? "Owes nothing." : "Owes " + And(owes) + ".");

        var severe = NeedDomains.All.Where(d => h.Needs[(int)d] >= severeThreshold).Select(d => NeedDomains.Name(d).Replace('_', ' ')).ToList();
        if (severe.Count > 0) s.Add("Severe needs: " + And(severe) + ".");

        if ((h.Requested & Voluntary) != 0)
        {
            var asked = Services(h.Requested & Voluntary);
            var waiting = Services(h.Waiting);
            var outcome = h.MonthsWaiting == 0 ? "helped"
                : waiting.Count > 0 ? $"still waiting for {And(waiting)}" + (h.MonthsWaiting > 1 ? $" ({h.MonthsWaiting} months refused in a row)" : "")
                : "turned away" + (h.MonthsWaiting > 1 ? $" ({h.MonthsWaiting} months in a row)" : "");
            s.Add($"Asked {And(asked)} for help: {outcome}" + (h.ReferredOn ? "; sent on elsewhere." : "."));
        }
        if ((h.Requested & ~Voluntary) != 0)
            s.Add($"Dealt with {And(Services(h.Requested & ~Voluntary))}" + (h.ReferredOn && (h.Requested & Voluntary) == 0 ? "; sent on elsewhere." : "."));
        if (h.CaseMonths > 0 && (h.Requested & Voluntary) == 0) s.Add($"Working with a caseworker (month {h.CaseMonths}).");
        else if (h.Requested == 0 && severe.Count > 0) s.Add("Asked no one for help.");
        return string.Join(" ", s);
    }

    /// <summary>The services a household asks of its own accord (the ones whose refusal it feels: ServiceEffects).</summary>
    private static readonly int Voluntary = ServiceKinds.VoluntaryServices;

    private static List<string> Services(int bits) =>
        ServiceKinds.All.Where(k => (bits & (1 << (int)k)) != 0).Select(k => ServiceKinds.Label(k).ToLowerInvariant()).ToList();

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string And(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    private static string Kids(int n) => n == 1 ? "one child" : $"{n} children";

    private static string Money(double pounds) => "£" + Math.Round(pounds).ToString("N0", En);
}
