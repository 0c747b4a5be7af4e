using PlaceSimulation.Model.Households;
using PlaceSimulation.Model.Services;

namespace PlaceSimulation.Model.Metrics;

/// <summary>
/// A measure reported each month, computed from a place's counters (scaled to the real
/// place by its weight, so totals are for the whole place and rates are unaffected).
/// LowerIsBetter says which way is good (used by the offset analysis and chart wording).
/// </summary>
public sealed record MetricDefinition(string Name, string Label, string Unit, string Description, bool LowerIsBetter, Func<double[], double> Compute);

/// <summary>The metrics every run reports: names are part of the output contract (README).</summary>
public static class MetricCatalogue
{
    public static IReadOnlyList<MetricDefinition> All { get; } = Build();

    public static IReadOnlyDictionary<string, MetricDefinition> ByName { get; } = All.ToDictionary(m => m.Name, StringComparer.Ordinal);

    /// <summary>The headline measures (the first five columns of a summary table).</summary>
    public static readonly string[] Headline =
        ["poverty_rate_ahc", "child_poverty_rate", "destitution_rate", "unmet_needs", "public_cost_gbp"];

    /// <summary>Counters as real-place quantities: each simulated household stands for <paramref name="weight"/> real ones.</summary>
    public static double[] Scale(ReadOnlySpan<long> counters, double weight)
    {
        var v = new double[counters.Length];
        for (var i = 0; i < v.Length; i++) v[i] = counters[i] * weight;
        return v;
    }

    public static double Ratio(double a, double b) => b == 0 ? double.NaN : a / b;

    private static List<MetricDefinition> Build()
    {
        var m = new List<MetricDefinition>();
        void Add(string name, string label, string unit, string description, bool lower, Func<double[], double> f) =>
            m.Add(new MetricDefinition(name, label, unit, description, lower, f));
        const double Pence = 100.0;

        Add("poverty_rate_ahc", "People in poverty (after housing costs)", "share of people",
            "Share of people in households with equivalised income after housing costs below 60% of the national median (HBAI relative low income).", true,
            c => Ratio(c[Counter.PeopleInPoverty], c[Counter.People]));
        Add("child_poverty_rate", "Children in poverty (after housing costs)", "share of children",
            "Share of children in households below the relative poverty line after housing costs.", true,
            c => Ratio(c[Counter.ChildrenInPoverty], c[Counter.Children]));
        Add("pensioner_poverty_rate", "Pensioners in poverty (after housing costs)", "share of pensioners",
            "Share of people in pensioner households below the relative poverty line after housing costs.", true,
            c => Ratio(c[Counter.PensionersInPoverty], c[Counter.Pensioners]));
        Add("working_age_poverty_rate", "Working-age adults in poverty (after housing costs)", "share of working-age adults",
            "Share of adults in working-age households below the relative poverty line after housing costs.", true,
            c => Ratio(c[Counter.WorkingAgeAdultsInPoverty], c[Counter.WorkingAgeAdults]));
        Add("deep_poverty_rate", "People in very deep poverty", "share of people",
            "Share of people below 40% of the median income after housing costs (JRF: very deep poverty).", true,
            c => Ratio(c[Counter.PeopleInDeepPoverty], c[Counter.People]));
        Add("destitution_rate", "Households destitute this month", "share of households",
            "Share of households destitute in the month (JRF income criterion: money after housing costs below the destitution line with no savings, or going without most essentials).", true,
            c => Ratio(c[Counter.HouseholdsDestitute], c[Counter.Households]));
        Add("destitution_annual_rate", "Households destitute in the past year", "share of households",
            "Share of households destitute in at least one of the last 12 months, whether or not any service saw them.", true,
            c => Ratio(c[Counter.HouseholdsDestitutePast12], c[Counter.Households]));
        Add("destitution_seen_annual_rate", "Destitute households seen by crisis services in the past year", "share of households",
            "Share of households that came to a crisis service (food bank, crisis fund, advice, housing) in a month they were destitute, at least once in the last 12 months: what JRF's census of crisis-service users counts.", true,
            c => Ratio(c[Counter.DestituteSeenPast12], c[Counter.Households]));
        Add("destitute_on_benefits_share", "Destitute households receiving benefits", "share of destitute households",
            "Share of destitute households receiving Universal Credit, Pension Credit or the State Pension (JRF: 72% of destitute people receive social security).", false,
            c => Ratio(c[Counter.DestituteOnBenefits], c[Counter.HouseholdsDestitute]));
        Add("unmet_needs", "Severe needs unmet", "per household",
            "Severe needs (severity at or above the threshold) that no service worked on this month, per household.", true,
            c => Ratio(c[Counter.UnmetNeeds], c[Counter.Households]));
        Add("severe_needs", "Severe needs", "per household",
            "Severe needs, met or not, per household.", true,
            c => Ratio(c[Counter.SevereNeeds], c[Counter.Households]));
        foreach (var d in NeedDomains.All)
        {
            var dd = d;
            Add($"unmet_needs_{NeedDomains.Name(d)}", $"Unmet severe {NeedDomains.Name(d).Replace('_', ' ')} needs", "share of households",
                $"Share of households with a severe {NeedDomains.Name(d).Replace('_', ' ')} need that no service worked on this month.", true,
                c => Ratio(c[Counter.UnmetNeed(dd)], c[Counter.Households]));
        }
        Add("public_cost_gbp", "Public cost", "GBP/month",
            "Public spending in the place each month: means-tested benefits and Child Benefit (not the State Pension), local services, crisis awards and failure demand.", true,
            c => (c[Counter.BenefitPence] + c[Counter.ServiceSpendPence] + c[Counter.CrisisAwardPence] + c[Counter.FailureDemandPence]) / Pence);
        Add("benefit_spend_gbp", "Benefit spending", "GBP/month",
            "Universal Credit, Pension Credit, Housing Benefit and Child Benefit paid in the place each month.", false,
            c => c[Counter.BenefitPence] / Pence);
        Add("service_spend_gbp", "Local service spending", "GBP/month",
            "Budgets of the place's local services each month.", false,
            c => c[Counter.ServiceSpendPence] / Pence);
        Add("crisis_awards_gbp", "Crisis awards", "GBP/month",
            "Cash paid out by the local crisis fund each month.", false,
            c => c[Counter.CrisisAwardPence] / Pence);
        Add("failure_demand_gbp", "Failure demand", "GBP/month",
            "Cost of failure each month: temporary accommodation, evictions, untreated mental-health crises and assessments that end in lost referrals.", true,
            c => c[Counter.FailureDemandPence] / Pence);
        Add("debt_mean_gbp", "Household debt", "GBP per household",
            "Mean debt per household (borrowing, advances, enforcement debts; not mortgages or arrears).", true,
            c => Ratio(c[Counter.DebtPence] / Pence, c[Counter.Households]));
        Add("housing_arrears_mean_gbp", "Rent and mortgage arrears", "GBP per household",
            "Mean rent or mortgage arrears per household.", true,
            c => Ratio(c[Counter.HousingArrearsPence] / Pence, c[Counter.Households]));
        Add("homelessness_rate", "Households in temporary accommodation", "per 1,000 households",
            "Households homeless and in temporary accommodation, per 1,000 households.", true,
            c => 1000 * Ratio(c[Counter.HouseholdsHomeless], c[Counter.Households]));
        Add("evictions", "Evictions", "households/month",
            "Households evicted for rent arrears in the month.", true, c => c[Counter.Evictions]);
        Add("take_up_rate", "Universal Credit take-up", "share of entitled households",
            "Share of working-age households entitled to Universal Credit who claim it.", false,
            c => Ratio(c[Counter.UcClaiming], c[Counter.UcEligible]));
        Add("pension_credit_take_up", "Pension Credit take-up", "share of entitled households",
            "Share of pensioner households entitled to Pension Credit or Housing Benefit who claim.", false,
            c => Ratio(c[Counter.PensionCreditClaiming], c[Counter.PensionCreditEligible]));
        Add("uc_deductions_share", "UC awards with deductions", "share of UC households paid",
            "Share of households paid Universal Credit who have deductions taken for debts.", true,
            c => Ratio(c[Counter.UcWithDeductions], c[Counter.UcPaid]));
        Add("council_tax_arrears_rate", "Households behind on council tax", "share of households",
            "Share of households with council tax arrears.", true,
            c => Ratio(c[Counter.CouncilTaxArrearsHouseholds], c[Counter.Households]));
        Add("sanction_rate", "Claimants under sanction", "share of claimants with work requirements",
            "Share of claimants in sanctionable conditionality who are under a sanction (DWP's point-in-time sanction rate).", true,
            c => Ratio(c[Counter.Sanctioned], c[Counter.Conditional]));
        Add("employment_rate", "Working-age adults in work", "share of working-age adults",
            "Share of working-age adults in work.", false,
            c => Ratio(c[Counter.AdultsWorking], c[Counter.WorkingAgeAdults]));
        Add("trust_mean", "Trust in services", "0-1",
            "Average household trust in local services.", false,
            c => Ratio(c[Counter.TrustMicros] / 1e6, c[Counter.Households]));
        Add("staff_effectiveness", "Staff effectiveness", "0-1",
            "Share of frontline staff time left after turnover and top-down monitoring (feedback loop).", false,
            c => Ratio(c[Counter.StaffEffectivenessMicros] / 1e6, c[Counter.Households]));
        Add("staff_turnover", "Staff turnover", "share of staff/year",
            "Annualised staff turnover in local services.", true,
            c => Ratio(c[Counter.StaffTurnoverMicros] / 1e6, c[Counter.Households]));
        Add("community_engagement", "Community engagement", "1 = as at start",
            "Willingness of the community to come forward for help (falls with broken promises).", false,
            c => Ratio(c[Counter.CommunityEngagementMicros] / 1e6, c[Counter.Households]));
        Add("vcse_capacity", "Community organisations' capacity", "1 = fully able to use funding",
            "Capacity of voluntary and community organisations after burnout from overload.", false,
            c => Ratio(c[Counter.VcseCapacityMicros] / 1e6, c[Counter.Households]));
        Add("crisis_fund_demand", "Crisis fund applications", "applications/month",
            "Applications to the local crisis fund in the month.", true, c => c[Counter.Demand(ServiceKind.CrisisFund)]);
        Add("gave_up_waiting", "Gave up waiting", "households/month",
            "Households who left a waiting list in the month without being seen while still in need.", true, c => c[Counter.GaveUpWaiting]);
        Add("leaked_referrals", "Lost referrals", "referrals/month",
            "Requests that reached the wrong service and whose onward referral was lost.", true, c => c[Counter.LeakedReferrals]);
        Add("enforcement_actions", "Council tax enforcement actions", "cases/month",
            "Council tax arrears cases sent to enforcement agents in the month.", true, c => c[Counter.EnforcementActions]);
        Add("food_parcels", "Food parcels given", "parcels/month",
            "Emergency food parcels given in the month, one per person in each household the community organisations fed (bounded by their capacity; food_bank_demand is what was asked for).", true, c => c[Counter.FoodParcels]);
        Add("food_bank_demand", "Food bank demand", "parcels/month",
            "Emergency food parcels asked for in the month, one per person in each household referred to a food bank (as Trussell counts them), whether or not the food bank could give them.", true,
            c => c[Counter.FoodBankPeople]);
        Add("food_bank_demand_rate", "Food bank demand per 1,000 households", "parcels/month per 1,000 households",
            "Emergency food parcels asked for in the month per 1,000 households (one per person referred).", true,
            c => 1000 * Ratio(c[Counter.FoodBankPeople], c[Counter.Households]));
        Add("food_bank_adults", "Adults referred to food banks", "adults/month",
            "Adults in households referred to a food bank in the month (the measure of Loopstra et al. 2018).", true,
            c => c[Counter.FoodBankAdults]);
        Add("crisis_requests", "Households asking for crisis help", "households/month",
            "Households short of essentials who asked the crisis fund and the food bank in the month.", true,
            c => c[Counter.CrisisRequests]);
        Add("unmet_crisis_demand", "Crisis requests unmet", "households/month",
            "Households who asked for crisis help in the month and got neither a crisis award nor food.", true,
            c => c[Counter.UnmetCrisisRequests]);
        Add("new_sanctions", "New sanctions", "sanctions/month",
            "Universal Credit sanctions starting in the month.", true, c => c[Counter.NewSanctions]);
        Add("worsened_waiting", "Mental-health needs worsened while waiting", "households/month",
            "Households on the mental-health waiting list whose need got worse in the month.", true, c => c[Counter.WorsenedWaiting]);
        Add("mental_health_crises", "Untreated mental-health crises", "households/month",
            "Households in acute mental-health crisis with no help that month.", true, c => c[Counter.MentalHealthCrises]);
        foreach (var s in ServiceKinds.All)
        {
            var ss = s;
            var n = ServiceKinds.Name(s);
            var label = ServiceKinds.Label(s);
            Add($"demand_{n}", $"{label}: requests", "requests/month", $"Requests to {label.ToLowerInvariant()} in the month.", true, c => c[Counter.Demand(ss)]);
            Add($"served_{n}", $"{label}: served", "contacts/month", $"Requests {label.ToLowerInvariant()} met in the month.", false, c => c[Counter.Served(ss)]);
            Add($"capacity_{n}", $"{label}: capacity", "contacts/month", $"Contacts {label.ToLowerInvariant()} could offer in the month.", false, c => c[Counter.CapacityMilli(ss)] / 1000);
            Add($"queue_{n}", $"{label}: waiting", "requests/month", $"Requests to {label.ToLowerInvariant()} not met in the month.", true, c => c[Counter.Queue(ss)]);
            Add($"wait_months_{n}", $"{label}: wait", "months", $"Months the unmet requests to {label.ToLowerInvariant()} would take to clear at this month's capacity.", true,
                c => c[Counter.Queue(ss)] == 0 ? 0 : Ratio(c[Counter.Queue(ss)], c[Counter.CapacityMilli(ss)] / 1000));
        }
        return m;
    }
}
