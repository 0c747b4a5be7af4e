using PlaceSimulation.Model.Parameters;

namespace PlaceSimulation.Model.Households;

/// <summary>
/// How a household gets through the month, £ per month. Money left after housing costs,
/// council tax and deductions for debts (and any council-tax payment plan) meets the cost of essentials (JRF and Trussell's
/// Essentials Guarantee level, scaled by household size). A surplus pays down arrears and
/// debt and tops up savings. A deficit is met in turn from savings, then by leaving council
/// tax and rent unpaid (arrears), then by borrowing up to a limit; what is left is going
/// without essentials (the household's <see cref="Household.Gap"/>). Stated assumption:
/// the order of coping and the half-and-half split between unpaid council tax and rent.
/// </summary>
public static class HouseholdBudget
{
    public static void Balance(ref Household h, in MonthRates r, BehaviourParameters b, double planInstalment)
    {
        var income = h.NetEarnings + h.OtherIncome + h.BenefitIncome - h.Deductions;
        var disposable = income - h.HousingCost - h.CouncilTaxDue - planInstalment;
        var essentials = r.EssentialsPerEquivalentAdult * Equivalisation.AfterHousingCosts(h);
        h.Disposable = (float)disposable;
        h.Essentials = (float)essentials;
        h.Debt = Math.Max(0, h.Debt - h.Deductions);

        var balance = disposable - essentials;
        if (balance >= 0)
        {
            // A share of any surplus clears arrears (council tax first: it carries the
            // harshest enforcement), then debt; part of the rest is saved.
            var repay = balance * b.DebtRepaymentShare;
            var paid = Pay(ref h.CouncilTaxArrears, ref repay) + Pay(ref h.RentArrears, ref repay) + Pay(ref h.Debt, ref repay);
            h.Savings += (float)((balance - paid) * b.SavingsRate);
            h.Gap = 0;
            return;
        }

        var gap = -balance;
        var draw = Math.Min(h.Savings, gap);
        h.Savings -= (float)draw;
        gap -= draw;
        if (gap > 0)
        {
            var unpaidTax = Math.Min(gap * 0.5, h.CouncilTaxDue);
            h.CouncilTaxArrears += (float)unpaidTax;
            gap -= unpaidTax;
            var unpaidRent = h.Tenure == Tenure.Owner ? 0 : Math.Min(gap * 0.5, h.HousingCost);
            h.RentArrears += (float)unpaidRent;
            gap -= unpaidRent;
            var limit = b.BorrowingLimitMonths * Math.Max(essentials, income);
            var borrow = Math.Min(gap, Math.Max(0, limit - h.Debt));
            h.Debt += (float)borrow;
            gap -= borrow;
        }
        h.Gap = (float)gap;
    }

    private static double Pay(ref float owed, ref double budget)
    {
        var amount = Math.Min(owed, budget);
        owed -= (float)amount;
        budget -= amount;
        return amount;
    }
}
