using PlaceSimulation.Model.Households;

namespace PlaceSimulation.Model.Tests.Households;

public class HouseholdBudgetTests
{
    private static readonly MonthRates Rates = new(TestWorld.Context());
    private static readonly PlaceSimulation.Model.Parameters.BehaviourParameters Behaviour = TestWorld.Defaults().Behaviour;

    [Fact]
    public void A_household_short_of_money_uses_savings_first()
    {
        var h = new Household { Adults = 1, BenefitIncome = 400, HousingCost = 100, Savings = 1000 };
        HouseholdBudget.Balance(ref h, Rates, Behaviour, 0);
        var essentials = Rates.EssentialsPerEquivalentAdult * 0.58;
        Assert.Equal(1000 - (essentials - 300), h.Savings, 2);
        Assert.Equal(0, h.Gap);
        Assert.Equal(0, h.HousingArrears);
    }

    [Fact]
    public void Without_savings_a_shortfall_becomes_arrears_then_debt_then_going_without()
    {
        var h = new Household { Adults = 1, Tenure = Tenure.PrivateRent, BenefitIncome = 300, HousingCost = 300, CouncilTaxDue = 50 };
        HouseholdBudget.Balance(ref h, Rates, Behaviour, 0);
        Assert.True(h.CouncilTaxArrears > 0);
        Assert.True(h.HousingArrears > 0);
        Assert.True(h.Debt > 0);

        var maxedOut = new Household { Adults = 1, Tenure = Tenure.PrivateRent, BenefitIncome = 300, HousingCost = 300, CouncilTaxDue = 50, Debt = 1_000_000 };
        HouseholdBudget.Balance(ref maxedOut, Rates, Behaviour, 0);
        Assert.True(maxedOut.Gap > 0, "a household at its borrowing limit goes without");
    }

    [Fact]
    public void A_surplus_clears_council_tax_arrears_before_rent_arrears_and_debt()
    {
        var h = new Household { Adults = 2, NetEarnings = 4000, CouncilTaxArrears = 100, HousingArrears = 100, Debt = 100, SavingsTargetMonths = 1 };
        HouseholdBudget.Balance(ref h, Rates, Behaviour, 0);
        Assert.Equal(0, h.CouncilTaxArrears);
        Assert.True(h.Savings > 0);
    }

    [Fact]
    public void Destitution_is_money_after_housing_costs_below_the_JRF_line_with_no_savings()
    {
        var line = Rates.DestitutionLine(new Household { Adults = 1 });
        Assert.Equal(108 * 52.0 / 12, line, 6);
        var poor = new Household { Adults = 1, Disposable = (float)(line - 1), Essentials = 500 };
        Assert.True(Outcomes.IsDestitute(poor, Rates));
        var saver = poor with { Savings = (float)(line + 1) };
        Assert.False(Outcomes.IsDestitute(saver, Rates));
    }

    [Fact]
    public void A_surplus_is_saved_only_until_savings_are_back_at_the_buffer()
    {
        var h = new Household { Adults = 1, NetEarnings = 3000, SavingsTargetMonths = 2, Savings = 100 };
        HouseholdBudget.Balance(ref h, Rates, Behaviour, 0);
        Assert.True(h.Savings > 100, "a household below its buffer saves");
        Assert.True(h.Savings <= 2 * 3000 + 0.01, "never above the buffer");

        var full = new Household { Adults = 1, NetEarnings = 3000, SavingsTargetMonths = 2, Savings = 6000 };
        HouseholdBudget.Balance(ref full, Rates, Behaviour, 0);
        Assert.Equal(6000, full.Savings);
    }

    [Fact]
    public void Deductions_pay_rent_arrears_then_council_tax_arrears_then_debt()
    {
        // Income just meets essentials after the deduction, so nothing else pays anything off.
        var essentials = Rates.EssentialsPerEquivalentAdult * 0.58;
        var h = new Household { Adults = 1, BenefitIncome = (float)(50 + essentials + 0.01), Deductions = 50, HousingArrears = 30, CouncilTaxArrears = 10, Debt = 100 };
        HouseholdBudget.Balance(ref h, Rates, Behaviour, 0);
        Assert.Equal(0, h.HousingArrears, 3);
        Assert.Equal(0, h.CouncilTaxArrears, 3);
        Assert.Equal(90, h.Debt, 1);
    }
}
