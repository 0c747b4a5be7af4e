using PlaceSimulation.Grains;
using PlaceSimulation.Model.Services;
using PlaceSimulation.Studio.Levers;
using PlaceSimulation.Studio.Sessions;

namespace PlaceSimulation.Studio.Tests;

/// <summary>A household's month in words, and who may pull which lever: the studio's own rules.</summary>
public sealed class HouseholdStoryTests
{
    private static HouseholdView LoneParent(int sanction = 0, bool destitute = false, int requested = 0, int waiting = 0, int monthsWaiting = 0) => new(
        Id: 7, Adults: 1, Children: 2, Pensioner: false, Tenure: "PrivateRent", AdultsWorking: 0, NetEarnings: 0, Benefits: 1450.4,
        HousingCost: 900, Disposable: -35, Savings: 0, Debt: 1200, HousingArrears: 300, CouncilTaxArrears: 0, Claims: true,
        SanctionMonths: sanction, Homeless: false, Destitute: destitute, CaseMonths: 0, Trust: 0.4, Needs: [0.8, 0.2, 0.7, 0, 0, 0],
        Requested: requested, Waiting: waiting, MonthsWaiting: monthsWaiting);

    [Fact]
    public void A_lone_parent_is_introduced_by_household_home_and_money()
    {
        var text = HouseholdStory.Introduce(LoneParent(), severeThreshold: 0.6);
        Assert.StartsWith("A lone parent with 2 children, renting privately.", text);
        Assert.Contains("No one works.", text);
        Assert.Contains("Universal Credit and other benefits: £1,450 a month.", text);
        Assert.Contains("Rent of £900 leaves them £35 short.", text);
        Assert.Contains("Owes £1,200 of debt and £300 of rent or mortgage arrears.", text);
        Assert.Contains("Severe needs: income and housing.", text);
    }

    [Fact]
    public void A_new_sanction_and_destitution_are_told_as_news_and_a_refusal_as_a_wait()
    {
        var advice = 1 << (int)ServiceKind.Advice;
        var text = HouseholdStory.Month(LoneParent(), LoneParent(sanction: 3, destitute: true, requested: advice, waiting: advice, monthsWaiting: 2), 0.6);
        Assert.Contains("Sanctioned this month: Universal Credit cut for 3 month(s).", text);
        Assert.Contains("Became destitute", text);
        Assert.Contains("Asked debt and welfare advice for help: still waiting for debt and welfare advice (2 months refused in a row).", text);

        var helped = HouseholdStory.Month(LoneParent(destitute: true), LoneParent(requested: advice), 0.6);
        Assert.Contains("No longer destitute.", helped);
        Assert.Contains("Asked debt and welfare advice for help: helped.", helped);
    }

    [Fact]
    public void Each_role_sees_its_own_levers_and_only_the_facilitator_switches_loops()
    {
        var levers = LeverCatalogue.Embedded;
        bool May(Role r, string path) => LeverCatalogue.Allowed(r, levers.Find(path)!);
        Assert.True(May(Role.National, "national.sanctions.monthly_rate"));
        Assert.True(May(Role.National, "economy.cpi_annual"));
        Assert.False(May(Role.National, "local.crisis_fund.budget_gbp_month_per_1000"));
        Assert.True(May(Role.Council, "local.crisis_fund.budget_gbp_month_per_1000"));
        Assert.False(May(Role.Council, "local.vcse.budget_gbp_month_per_1000"));
        Assert.True(May(Role.Voluntary, "local.vcse.budget_gbp_month_per_1000"));
        Assert.False(May(Role.Observer, "local.vcse.budget_gbp_month_per_1000"));
        Assert.False(May(Role.Council, "feedback.pressure_turnover_on"));
        Assert.True(May(Role.Facilitator, "feedback.pressure_turnover_on"));
        Assert.Null(levers.Find("behaviour.help_seeking_base"));
        Assert.All(levers.All, l => Assert.False(string.IsNullOrWhiteSpace(l.Info.Provenance)));
        Assert.True(levers.Find("local.crisis_fund.budget_gbp_month_per_1000")!.Local);
        Assert.False(levers.Find("national.funding.vcse_scale")!.Local);
    }
}
