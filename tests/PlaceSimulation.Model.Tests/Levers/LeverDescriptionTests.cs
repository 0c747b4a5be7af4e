using PlaceSimulation.Model.Households;
using PlaceSimulation.Model.Places;
using PlaceSimulation.Model.Services;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Model.Tests.Levers;

/// <summary>
/// One test per lever family: each lever does what its description in parameters/ says.
/// The description is read from the shipped file, so a rule and its description cannot
/// drift apart silently: if one changes, the test names which.
/// </summary>
public class LeverDescriptionTests
{
    private static string Description(string path) => ParameterCatalogue.Embedded.Parameters[path].Description;

    [Fact]
    public void Universal_credit_rate_scale_multiplies_every_element_the_housing_element_included()
    {
        Assert.Contains("every UC element", Description("national.universal_credit.rate_scale"));
        var h = new Household { Adults = 1, Children = 2, Lcwra = true, Tenure = Tenure.PrivateRent };
        var full = UniversalCredit.Assess(h, 0, 0, 600, new MonthRates(TestWorld.Context()));
        var p = TestWorld.Defaults();
        p.National.UniversalCredit.RateScale = 0.8;
        var cut = UniversalCredit.Assess(h, 0, 0, 600, new MonthRates(TestWorld.Context(p)));
        Assert.Equal(0.8 * full.MaximumAmount, cut.MaximumAmount, 6);
    }

    [Fact]
    public void The_two_child_limit_withholds_the_element_only_from_later_children_born_from_April_2017()
    {
        Assert.Contains("born on or after 6 April 2017", Description("national.universal_credit.two_child_limit"));
        var rates = new MonthRates(TestWorld.Context()); // April 2025: 96 months after April 2017
        Household Family(int third, int fourth) => new()
        {
            Adults = 2, Children = 4, Tenure = Tenure.SocialRent, ThirdChildAgeMonths = (byte)third, FourthChildAgeMonths = (byte)fourth,
        };
        double Max(Household h) => UniversalCredit.Assess(h, 0, 0, 0, rates).MaximumAmount;
        var element = rates.ChildElement;
        Assert.Equal(element, Max(Family(120, 60)) - Max(Family(60, 30)), 6);     // the third child born in 2015 keeps it
        Assert.Equal(2 * element, Max(Family(130, 110)) - Max(Family(60, 30)), 6); // both born before April 2017
        var p = TestWorld.Defaults();
        p.National.UniversalCredit.TwoChildLimit = 0;
        Assert.Equal(2, UniversalCredit.ChildElements(Family(60, 30), 96));
        Assert.Equal(3, UniversalCredit.ChildElements(Family(120, 60), 96));
        Assert.Equal(2 * element, UniversalCredit.Assess(Family(60, 30), 0, 0, 0, new MonthRates(TestWorld.Context(p))).MaximumAmount - Max(Family(60, 30)), 6);
    }

    [Fact]
    public void Sanction_levers_set_the_share_withheld_and_who_can_be_sanctioned()
    {
        Assert.Contains("standard allowance withheld", Description("national.sanctions.severity_share"));
        var p = TestWorld.Defaults();
        p.National.Sanctions.SeverityShare = 0.4;
        var rates = new MonthRates(TestWorld.Context(p));
        var h = new Household { Adults = 1, Tenure = Tenure.SocialRent, SanctionMonths = 2 };
        var award = UniversalCredit.Assess(h, 0, 0, 500, rates);
        Assert.Equal(0.4 * rates.StandardAllowanceSingle, award.SanctionReduction, 6);

        // Light touch: a claimant earning above the Administrative Earnings Threshold has no work-search requirements.
        var claimant = new Household { Adults = 2, Claims = true, UcEntitlement = 300, Work1 = 2, NetEarnings = 500 };
        Assert.True(Sanctions.InConditionality(claimant, rates));
        claimant.NetEarnings = (float)(rates.EarningsThresholdCouple + 1);
        Assert.False(Sanctions.InConditionality(claimant, rates));
    }

    [Fact]
    public void Funding_scales_multiply_the_capacity_of_the_services_they_pay_for()
    {
        Assert.Contains("NHS mental-health funding", Description("national.funding.mental_health_scale"));
        Assert.Contains("voluntary and community organisations", Description("national.funding.vcse_scale"));
        Assert.Contains("work-coach capacity", Description("national.funding.jobcentre_scale"));
        var demand = new int[ServiceKinds.Count];
        CapacityPlan Plan(Action<PlaceSimulation.Model.Parameters.ModelParameters> set)
        {
            var p = TestWorld.Defaults();
            set(p);
            return CapacityPlanner.Plan(p, PlaceSignals.Initial, demand, 0, 10);
        }
        var base_ = Plan(_ => { });
        var mh = Plan(p => p.National.Funding.MentalHealthScale = 0.7);
        var vcse = Plan(p => p.National.Funding.VcseScale = 0.7);
        var jc = Plan(p => p.National.Funding.JobcentreScale = 0.7);
        Assert.Equal(0.7 * base_.Capacity(ServiceKind.MentalHealth), mh.Capacity(ServiceKind.MentalHealth), 6);
        Assert.Equal(0.7 * base_.Capacity(ServiceKind.Vcse), vcse.Capacity(ServiceKind.Vcse), 6);
        Assert.Equal(0.7 * base_.Capacity(ServiceKind.Jobcentre), jc.Capacity(ServiceKind.Jobcentre), 6);
        Assert.Equal(base_.Capacity(ServiceKind.Advice), mh.Capacity(ServiceKind.Advice), 6);

        // The grant cut bites on council services in proportion to the grant's share of their budgets.
        var grant = Plan(p => p.National.Funding.LocalGovernmentGrantScale = 0.5);
        var share = TestWorld.Defaults().National.Funding.LocalGovernmentGrantShare;
        Assert.Equal((1 - 0.5 * share) * base_.Capacity(ServiceKind.Housing), grant.Capacity(ServiceKind.Housing), 6);
    }
}
