using System.Runtime.CompilerServices;
using PlaceSimulation.Model.Parameters;

namespace PlaceSimulation.Model.Households;

/// <summary>
/// How a household gets through the month, £ per month. Money left after housing costs,
/// council tax and deductions for debts (and any council-tax payment plan) meets the cost
/// of essentials (JRF and Trussell's Essentials Guarantee level, scaled by household size).
/// A surplus pays down arrears (council tax first: its enforcement is harshest) and debt,
/// and part of the rest is saved until savings are back at the household's buffer. A shortfall is met from savings first; what savings
/// cannot meet is split: a share is left unpaid on bills (council tax, then rent or
/// mortgage: arrears), a share is borrowed (up to a limit), and the rest is going without essentials
/// (the household's <see cref="Household.Gap"/>). Stated assumption: the shares.
/// </summary>
public static class HouseholdBudget
{
    public static void Balance(ref Household h, in MonthRates r, BehaviourParameters b, double planInstalment)
    {
        var income = h.NetEarnings + h.OtherIncome + h.BenefitIncome - h.Deductions;
        var disposable = income - h.HousingCost - h.Water - h.CouncilTaxDue - planInstalment;
        var essentials = r.EssentialsPerEquivalentAdult * Equivalisation.AfterHousingCosts(h);
        h.Disposable = (float)disposable;
        h.Essentials = (float)essentials;
        // Deductions go to rent arrears first (paid to the landlord), then council-tax
        // arrears (to the council), then the household's other debts.
        double deducted = h.Deductions;
        Pay(ref h.HousingArrears, ref deducted);
        Pay(ref h.CouncilTaxArrears, ref deducted);
        Pay(ref h.Debt, ref deducted);

        var balance = disposable - essentials;
        if (balance >= 0)
        {
            // A share of any surplus clears arrears (council tax first: it carries the
            // harshest enforcement), then debt; part of the rest is saved until savings are
            // back at the household's buffer (buffer-stock saving: Carroll 1997), and the
            // rest is spent.
            var repay = balance * b.DebtRepaymentShare;
            var paid = Pay(ref h.CouncilTaxArrears, ref repay) + Pay(ref h.HousingArrears, ref repay) + Pay(ref h.Debt, ref repay);
            var buffer = h.SavingsTargetMonths * Math.Max(income, essentials);
            h.Savings += (float)Math.Min((balance - paid) * b.SavingsRate, Math.Max(0, buffer - h.Savings));
            h.Gap = 0;
            return;
        }

        var gap = -balance;
        var draw = Math.Min(h.Savings, gap);
        h.Savings -= (float)draw;
        gap -= draw;
        if (gap > 0)
        {
            var unpaid = gap * b.ShortfallArrearsShare;
            var unpaidTax = Math.Min(unpaid, h.CouncilTaxDue);
            h.CouncilTaxArrears += (float)unpaidTax;
            var unpaidRent = Math.Min(unpaid - unpaidTax, h.HousingCost);
            h.HousingArrears += (float)unpaidRent;
            var limit = b.BorrowingLimitMonths * Math.Max(essentials, income);
            var borrow = Math.Min(gap * b.ShortfallBorrowedShare, Math.Max(0, limit - h.Debt));
            h.Debt += (float)borrow;
            gap -= unpaidTax + unpaidRent + borrow;
        }
        h.Gap = (float)gap;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Pay(ref float owed, ref double budget)
    {
        var amount = Math.Min(owed, budget);
        owed -= (float)amount;
        budget -= amount;
        return amount;
    }
}
