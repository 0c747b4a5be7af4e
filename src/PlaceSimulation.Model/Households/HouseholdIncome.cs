using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Randomness;

namespace PlaceSimulation.Model.Households;

/// <summary>
/// A household's income for the month, £ per month: take-home pay, benefits as paid
/// (Universal Credit or, for pensioners, State Pension, Pension Credit and Housing
/// Benefit; Child Benefit for everyone with children), housing costs and council tax.
/// Households with no recourse to public funds get none of these means-tested benefits.
/// A new Universal Credit claim pays nothing in its first month (the five-week wait) unless
/// the household takes an advance, which it then owes (DWP: most new claimants take one).
/// Results are stored on the household's "this month" fields.
/// </summary>
public static class HouseholdIncome
{
    public static void Assess(ref Household h, in MonthRates r, ModelParameters p, ulong key)
    {
        var rent = h.Homeless ? 0 : h.HousingCostBase * (h.Tenure == Tenure.Owner ? r.PriceIndex : r.RentIndex);
        var water = h.Homeless ? 0 : r.Water;
        var childBenefit = h.Children == 0 || h.NoRecourse ? 0 : r.ChildBenefitFirst + r.ChildBenefitOther * (h.Children - 1);
        var pip = h.ClaimsPip && Disability.Qualifies(h, p.National.Disability) ? r.Pip : 0;
        var net = LabourMarket.NetEarningsOf(h, r.EarningsIndex, r.Tax, p.Place.PartTimeEarningsRatio);
        // A non-dependent adult is a benefit unit of their own: their pay, or their own
        // Universal Credit standard allowance when out of work, adds to the household's income.
        var nonDependantNet = LabourMarket.NonDependantEarnings(h, r.EarningsIndex, r.Tax, p.Place.PartTimeEarningsRatio);
        var nonDependantBenefit = h.NonDependants > 0 && h.Work3 == 0 && !h.NoRecourse ? r.StandardAllowanceSingle : 0;
        var other = h.OtherIncomeBase * r.EarningsIndex;
        double benefits, deductions = 0, entitlement;
        bool lowIncomeSupport;

        if (h.Pensioner)
        {
            var pension = PensionIncome.Assess(h, other, rent, r);
            benefits = pension.Benefits + childBenefit + pip + nonDependantBenefit;
            entitlement = pension.Entitlement;
            lowIncomeSupport = h.Claims && pension.PensionCredit > 0;
        }
        else
        {
            // Homeless households in temporary accommodation have their housing met by the
            // council (counted as failure demand), so no housing element is assessed here.
            var eligibleRent = Math.Max(0, UniversalCredit.EligibleRent(h, rent, r) - h.NonDependants * r.NonDependantDeduction);
            var award = h.NoRecourse ? default : UniversalCredit.Assess(h, net, childBenefit, eligibleRent, r);
            entitlement = award.Entitlement;
            var paid = h.Claims ? award.Paid : 0;
            deductions = h.Claims ? award.Deduction : 0;
            if (h.NewClaim)
            {
                // The five-week wait: no award in a claim's first month. Most claimants take
                // an advance instead - the same money now, owed back through deductions.
                h.NewClaim = false;
                if (p.National.UniversalCredit.FiveWeekWait >= 0.5)
                {
                    if (CounterRng.Chance(key, RandomStream.Advance, p.National.UniversalCredit.AdvanceTakeUp))
                        h.Debt += (float)paid;
                    else
                        paid = 0;
                }
            }
            benefits = paid + deductions + childBenefit + pip + nonDependantBenefit;
            lowIncomeSupport = h.Claims && entitlement > 0;
            // A claim ends in the month entitlement does. (Checked here, not in TakeUp, so
            // that households who start as claimants are established claims from month 0.)
            if (entitlement <= 0) h.Claims = false;
        }

        // Council Tax Reduction: pensioners on Pension Credit pay none (national scheme);
        // working-age claimants get the local scheme's share.
        var ctr = !lowIncomeSupport ? 0 : h.Pensioner ? 1.0 : p.Local.CouncilTaxRules.ReductionShare;
        var councilTax = h.Homeless ? 0 : r.CouncilTax * (h.Adults + h.NonDependants == 1 ? 1 - p.Local.CouncilTaxRules.SinglePersonDiscount : 1.0) * (1 - ctr);

        h.NetEarnings = (float)(net + nonDependantNet);
        h.OtherIncome = (float)other;
        h.BenefitIncome = (float)benefits;
        h.Deductions = (float)deductions;
        h.UcEntitlement = (float)entitlement;
        h.HousingCost = (float)rent;
        h.Water = (float)water;
        h.CouncilTaxDue = (float)councilTax;
    }

    /// <summary>
    /// Income after housing costs as HBAI measures it, £ per month: net earnings, other
    /// income and benefits (before deductions for debts, which HBAI does not subtract), less
    /// rent or mortgage interest (HBAI counts mortgage interest, not capital repayments, as a
    /// housing cost), water charges and council tax.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static double AfterHousingCosts(in Household h, double mortgageInterestShare) =>
        h.NetEarnings + h.OtherIncome + h.BenefitIncome
        - (h.Tenure == Tenure.Owner ? h.HousingCost * mortgageInterestShare : h.HousingCost)
        - h.Water - h.CouncilTaxDue;
}
