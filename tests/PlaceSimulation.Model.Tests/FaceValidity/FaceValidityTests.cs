namespace PlaceSimulation.Model.Tests.FaceValidity;

/// <summary>
/// The model responds to each lever in the direction the evidence says it should. Small runs
/// on common random numbers: the arms share households and random draws, so a difference is
/// the lever's doing.
/// </summary>
public class FaceValidityTests
{
    /// <summary>Runs two arms (policy a, policy b), each a list of "path: value" settings from month 2; returns a metric's late mean for each.</summary>
    private static (double A, double B) Arms(string metric, string a, string b, int households = 4000, string preset = "like-middlesbrough", int months = 24)
    {
        static string Policy(string name, string settings) => settings.Length == 0 ? "" : $"""
              {name}:
                description: {name}
                changes:
                  - from: 2025-06
                    set:
            {string.Join("\n", settings.Split(';').Select(x => "              " + x.Trim()))}

            """;
        var arms = $"  a: [{(a.Length == 0 ? "" : "pa")}]\n  b: [{(b.Length == 0 ? "" : "pb")}]";
        var spec = TestWorld.Scenario(TestWorld.Yaml(households: households, months: months, replications: 2, preset: preset,
            policies: Policy("pa", a) + Policy("pb", b), arms: arms)).Spec;
        var r = TestWorld.Run(spec);
        return (TestWorld.Mean(spec, r, 0, metric), TestWorld.Mean(spec, r, 1, metric));
    }

    [Fact]
    public void Harsher_sanctions_raise_destitution()
    {
        var (b, c) = Arms("destitution_rate", "", "national.sanctions.monthly_rate: 0.08; national.sanctions.length_months: 4");
        // Only claimants earning below the Administrative Earnings Threshold can be sanctioned
        // (about a fifth of households in like-Middlesbrough), so a whole-place rise of 3% or more.
        Assert.True(c > b * 1.03, $"destitution {b:P2} -> {c:P2}");
    }

    [Fact]
    public void Higher_benefits_lower_poverty()
    {
        var (b, c) = Arms("poverty_rate_ahc", "", "national.universal_credit.rate_scale: 1.2");
        Assert.True(c < b - 0.01, $"poverty {b:P1} -> {c:P1}");
    }

    [Fact]
    public void Relational_casework_lowers_unmet_needs()
    {
        var (b, c) = Arms("unmet_needs", "", "local.relational.budget_gbp_month_per_1000: 3000");
        Assert.True(c < b * 0.98, $"unmet needs {b:F3} -> {c:F3}");
    }

    [Fact]
    public void More_relational_capacity_lowers_unmet_needs_further()
    {
        var (small, large) = Arms("unmet_needs", "local.relational.budget_gbp_month_per_1000: 1000", "local.relational.budget_gbp_month_per_1000: 4000");
        Assert.True(large < small, $"unmet needs {small:F3} (small team) vs {large:F3} (large team)");
    }

    [Fact]
    public void Pooled_budgets_lower_failure_demand_cost_with_the_same_money()
    {
        var (siloed, pooled) = Arms("failure_demand_gbp", "", "local.systems_change.pooled_budget_share: 0.25", months: 36);
        Assert.True(pooled < siloed, $"failure demand £{siloed:N0} -> £{pooled:N0} a month");
    }

    [Fact]
    public void Council_cuts_lengthen_waits_for_council_services()
    {
        foreach (var service in new[] { "advice", "housing" })
        {
            var (b, c) = Arms($"wait_months_{service}", "", "national.funding.local_government_grant_scale: 0.4");
            Assert.True(c > b * 1.1, $"{service}: wait {b:F1} -> {c:F1} months");
        }
    }

    [Fact]
    public void A_benefit_freeze_raises_child_poverty_and_abolishing_the_two_child_limit_lowers_it()
    {
        var (b, freeze) = Arms("child_poverty_rate", "", "national.benefits.uprating_annual: 0", months: 36);
        Assert.True(freeze > b, $"child poverty {b:P1} -> {freeze:P1} with a freeze");
        var (limit, abolished) = Arms("child_poverty_rate", "", "national.universal_credit.two_child_limit: false");
        Assert.True(abolished < limit - 0.005, $"child poverty {limit:P1} -> {abolished:P1} without the two-child limit");
    }

    [Fact]
    public void Supportive_council_tax_collection_replaces_enforcement_with_payment_plans()
    {
        var (enforcement, supportive) = Arms("enforcement_actions", "", "local.systems_change.supportive_council_tax: true");
        Assert.True(enforcement > 0 && supportive == 0, $"enforcement actions {enforcement:F0} -> {supportive:F0}");
        var (_, mental) = Arms("unmet_needs_mental_health", "", "local.systems_change.supportive_council_tax: true");
        var (baseMental, _) = Arms("unmet_needs_mental_health", "", "");
        Assert.True(mental <= baseMental, $"unmet mental-health needs {baseMental:P2} -> {mental:P2}");
    }

    [Fact]
    public void An_economic_shock_lowers_employment_and_local_jobs_raise_it()
    {
        var (b, shock) = Arms("employment_rate", "", "economy.shock_job_loss_multiplier: 2; economy.shock_job_find_multiplier: 0.6");
        Assert.True(shock < b - 0.02, $"employment {b:P1} -> {shock:P1} in a shock");
        var (b2, jobs) = Arms("employment_rate", "", "local.systems_change.local_jobs_per_month_per_10k: 20");
        Assert.True(jobs > b2, $"employment {b2:P1} -> {jobs:P1} with local jobs");
    }

    [Fact]
    public void Fewer_social_lets_keep_homeless_households_in_temporary_accommodation_longer()
    {
        var (b, c) = Arms("homelessness_rate", "", "national.housing.social_lets_scale: 0.4", months: 36);
        Assert.True(c > b, $"households in temporary accommodation {b:F2} -> {c:F2} per 1,000");
    }

    // Feedback loops (Renaisi; docs/SOURCES.md): switching a loop off must change what it drives, under strain.
    private const string Strain = "national.funding.local_government_grant_scale: 0.4; national.funding.vcse_scale: 0.5";

    [Fact]
    public void Without_the_pressure_loop_staff_effectiveness_holds_under_cuts_and_fewer_needs_go_unmet()
    {
        var (onEff, offEff) = Arms("staff_effectiveness", Strain, Strain + "; feedback.pressure_turnover_on: false");
        Assert.True(onEff < 0.95 && offEff == 1, $"staff effectiveness {onEff:F2} with the loop, {offEff:F2} without");
        var (onUnmet, offUnmet) = Arms("unmet_needs", Strain, Strain + "; feedback.pressure_turnover_on: false");
        Assert.True(offUnmet < onUnmet, $"unmet needs {onUnmet:F3} with the loop, {offUnmet:F3} without");
    }

    [Fact]
    public void Without_the_disengagement_loop_the_community_keeps_coming_forward()
    {
        var (on, off) = Arms("community_engagement", Strain, Strain + "; feedback.disengagement_on: false");
        Assert.True(on < off, $"engagement {on:F3} with the loop, {off:F3} without");
    }

    [Fact]
    public void Without_the_reliance_loop_community_organisations_do_not_burn_out()
    {
        var (on, off) = Arms("vcse_capacity", Strain, Strain + "; feedback.vcse_reliance_on: false");
        Assert.True(on < 1 && off == 1, $"community capacity {on:F3} with the loop, {off:F3} without");
    }

    [Fact]
    public void Without_more_for_less_commissioning_advice_capacity_holds()
    {
        var (on, off) = Arms("capacity_advice", "", "feedback.more_for_less_on: false", months: 36);
        Assert.True(off > on * 1.05, $"advice capacity {on:F0} with the loop, {off:F0} without");
    }
    /// <summary>
    /// Loopstra, Fledderjohann, Reeves and Stuckler (Journal of Social Policy 47(3), 2018):
    /// 3.36 more adults fed by food banks per 10 more sanctions (95% CI 1.71-5.01). The model's
    /// extra adults referred per extra sanction must fall in that interval, and food parcels
    /// given must follow demand while food banks have room.
    /// </summary>
    [Fact]
    public void Each_extra_sanction_brings_about_a_third_of_an_adult_to_the_food_bank()
    {
        var none = TestWorld.Scenario(TestWorld.Yaml(households: 6000, months: 18, replications: 2, preset: "england-average",
            policies: """
              s0:
                description: no sanctions
                changes:
                  - from: 2025-04
                    set:
                      national.sanctions.monthly_rate: 0
              s2:
                description: twice as many
                changes:
                  - from: 2025-04
                    set:
                      national.sanctions.monthly_rate: 0.052

            """, arms: "  x0: [s0]\n  x2: [s2]")).Spec;
        var r = TestWorld.Run(none);
        double M(int arm, string metric) => TestWorld.Mean(none, r, arm, metric, lastMonths: 15);
        var perSanction = (M(1, "food_bank_adults") - M(0, "food_bank_adults")) / (M(1, "new_sanctions") - M(0, "new_sanctions"));
        Assert.InRange(perSanction, 0.171, 0.501);
        Assert.True(M(1, "food_parcels") > M(0, "food_parcels"), "food parcels given do not follow sanctions");
    }

    /// <summary>
    /// A 30% cut in mental-health funding must show in outcomes: waiting needs worsen (Royal
    /// College of Psychiatrists 2020: 43% of patients said their mental health got worse while
    /// waiting), so more severe mental-health needs go unmet. Band: 2% to 40% more, relative.
    /// </summary>
    [Fact]
    public void A_mental_health_funding_cut_leaves_more_severe_mental_health_needs_unmet()
    {
        var (b, c) = Arms("unmet_needs_mental_health", "", "national.funding.mental_health_scale: 0.7", households: 6000, preset: "england-average");
        Assert.InRange(c / b, 1.02, 1.40);
        var (wb, wc) = Arms("worsened_waiting", "", "national.funding.mental_health_scale: 0.7", households: 6000, preset: "england-average");
        Assert.True(wc > wb * 1.3, $"needs worsened while waiting {wb:F0} -> {wc:F0}");
    }
}
