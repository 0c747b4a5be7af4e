using PlaceSimulation.Model.Households;

namespace PlaceSimulation.Model.Tests.Households;

/// <summary>Universal Credit rule cases at 2025/26 rates (parameters/national/universal_credit.yaml).</summary>
public class UniversalCreditTests
{
    private static readonly MonthRates Rates = new(TestWorld.Context());

    private static Household Single(int children = 0, bool lcwra = false) =>
        new() { Adults = 1, Children = (byte)children, Lcwra = lcwra, Tenure = Tenure.SocialRent };

    [Fact]
    public void A_single_adult_with_no_earnings_gets_the_standard_allowance_and_their_social_rent()
    {
        var award = UniversalCredit.Assess(Single(), 0, 0, 500, Rates);
        Assert.Equal(400.14 + 500, award.Paid, 2);
    }

    [Fact]
    public void Earnings_are_tapered_at_55p_with_no_work_allowance_for_a_single_adult_without_children()
    {
        var award = UniversalCredit.Assess(Single(), 1000, 0, 500, Rates);
        Assert.Equal(400.14 + 500 - 0.55 * 1000, award.Paid, 2);
    }

    [Fact]
    public void Parents_keep_the_work_allowance_before_the_taper()
    {
        var award = UniversalCredit.Assess(Single(children: 1), 1000, 0, 500, Rates);
        Assert.Equal(400.14 + 292.81 + 500 - 0.55 * (1000 - 411), award.Paid, 2);
    }

    [Fact]
    public void The_two_child_limit_pays_no_child_element_for_a_third_child()
    {
        var limited = UniversalCredit.Assess(Single(children: 3), 0, 0, 0, Rates);
        var p = TestWorld.Defaults();
        p.National.UniversalCredit.TwoChildLimit = 0;
        var unlimited = UniversalCredit.Assess(Single(children: 3), 0, 0, 0, new MonthRates(TestWorld.Context(p)));
        Assert.Equal(292.81, unlimited.MaximumAmount - limited.MaximumAmount, 2);
    }

    [Fact]
    public void The_benefit_cap_takes_away_what_benefits_exceed_it_by_unless_the_household_works_enough()
    {
        var h = new Household { Adults = 2, Children = 4, Tenure = Tenure.SocialRent };
        var childBenefit = 400.0;
        var capped = UniversalCredit.Assess(h, 0, childBenefit, 1200, Rates);
        Assert.Equal(1835.00, capped.Entitlement + childBenefit, 2);
        var working = UniversalCredit.Assess(h, 900, childBenefit, 1200, Rates);
        Assert.Equal(0, working.CapReduction);
    }

    [Fact]
    public void A_sanction_withholds_the_standard_allowance_but_not_the_housing_element()
    {
        var h = Single();
        h.SanctionMonths = 2;
        var award = UniversalCredit.Assess(h, 0, 0, 500, Rates);
        Assert.Equal(500, award.Paid, 2);
    }

    [Fact]
    public void Private_rent_above_the_local_housing_allowance_is_not_met()
    {
        var h = new Household { Adults = 1, Tenure = Tenure.PrivateRent };
        var lha = Rates.LhaFor(h);
        Assert.Equal(lha, UniversalCredit.EligibleRent(h, lha + 300, Rates), 6);
        Assert.Equal(lha - 50, UniversalCredit.EligibleRent(h, lha - 50, Rates), 6);
        Assert.Equal(0, UniversalCredit.EligibleRent(new Household { Adults = 1, Tenure = Tenure.Owner }, 700, Rates));
    }

    [Fact]
    public void Deductions_for_debt_are_capped_at_15_percent_of_the_standard_allowance()
    {
        var h = Single();
        h.Debt = 100_000;
        var award = UniversalCredit.Assess(h, 0, 0, 500, Rates);
        Assert.Equal(0.15 * 400.14, award.Deduction, 2);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1047.5, 1047.5)]
    [InlineData(2047.5, 2047.5 - 0.28 * 1000)]
    public void Take_home_pay_loses_20_percent_tax_and_8_percent_national_insurance_above_the_allowance(double gross, double net) =>
        Assert.Equal(net, NetEarnings.Monthly(gross, TestWorld.Defaults().National.Tax), 6);

    [Fact]
    public void Equivalence_scale_after_housing_costs_counts_a_couple_as_one()
    {
        Assert.Equal(1.0, Equivalisation.AfterHousingCosts(new Household { Adults = 2 }), 9);
        Assert.Equal(0.58, Equivalisation.AfterHousingCosts(new Household { Adults = 1 }), 9);
        Assert.Equal(1.0 + 0.42 + 0.2, Equivalisation.AfterHousingCosts(new Household { Adults = 2, Children = 2, OlderChildren = 1 }), 9);
    }
}
