using System.Runtime.CompilerServices;
using PlaceSimulation.Model.Parameters;

namespace PlaceSimulation.Model.Households;

/// <summary>The parts of a Universal Credit award, £ per month.</summary>
public readonly record struct UcAward(double MaximumAmount, double EarningsReduction, double CapReduction, double SanctionReduction, double Deduction)
{
    /// <summary>What is paid: the award after the taper, the cap, any sanction and deductions for debts.</summary>
    public double Paid => Math.Max(0, MaximumAmount - EarningsReduction - CapReduction - SanctionReduction - Deduction);

    /// <summary>Entitlement before sanctions and deductions: what decides eligibility.</summary>
    public double Entitlement => Math.Max(0, MaximumAmount - EarningsReduction - CapReduction);
}

/// <summary>
/// Universal Credit in the shape of the Universal Credit Regulations 2013: a maximum amount
/// (standard allowance, child elements subject to the two-child limit, the LCWRA element and
/// a housing element capped at the Local Housing Allowance for private renters), less 55p
/// (the taper) for each £1 of net earnings above the work allowance (which only households
/// with children or limited capability for work have), then the benefit cap, sanctions and
/// deductions. Amounts are uprated by the place's benefit index and scaled by the rate-cut
/// lever. Simplifications (stated): no carer or childcare elements, no under-35 shared
/// accommodation rate, no bedroom tax, no transitional protection. The two-child limit
/// withholds the child element only from a third or later child born on or after 6 April
/// 2017 (the Welfare Reform and Work Act 2016 as in force; a child born earlier keeps it).
/// The rate-cut lever scales every element, the housing element included. Units: £ per month.
/// </summary>
public static class UniversalCredit
{
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static UcAward Assess(in Household h, double netEarnings, double childBenefit, double eligibleRent, in MonthRates r)
    {
        var uc = r.Uc;
        var standard = h.Adults > 1 ? r.StandardAllowanceCouple : r.StandardAllowanceSingle;
        var children = uc.TwoChildLimit >= 0.5 ? ChildElements(h, r.MonthsSinceTwoChildLimit) : h.Children;
        var max = standard + children * r.ChildElement + (h.Lcwra ? r.LcwraElement : 0) + eligibleRent * r.HousingElementScale;

        var workAllowance = (h.Children > 0 || h.Lcwra) ? r.WorkAllowance : 0;
        var earningsReduction = uc.TaperRate * Math.Max(0, netEarnings - workAllowance);

        var entitlement = Math.Max(0, max - earningsReduction);
        var capReduction = 0.0;
        if (entitlement > 0 && !h.Lcwra && netEarnings < r.BenefitCapEarningsExemption)
        {
            var cap = (h.Adults > 1 || h.Children > 0) ? r.BenefitCapFamily : r.BenefitCapSingle;
            capReduction = Math.Max(0, entitlement + childBenefit - cap);
            capReduction = Math.Min(capReduction, entitlement);
        }

        var afterCap = entitlement - capReduction;
        var perAdultStandard = h.Adults > 1 ? standard / 2 : standard;
        var sanction = h.SanctionMonths > 0 ? Math.Min(afterCap, r.SanctionSeverity * perAdultStandard) : 0;

        // Deductions for debts are capped at a share of the standard allowance; the model
        // takes a fixed share a month of what the household owes that DWP recovers from
        // awards: advances and other debts, and, paid on to landlords and councils as
        // third-party deductions, rent and council-tax arrears (DWP, Deductions from
        // Universal Credit: advances, third-party debts and overpayments).
        var deduction = 0.0;
        var recoverable = (double)h.Debt + h.HousingArrears + h.CouncilTaxArrears;
        if (recoverable > 0 && afterCap - sanction > 0)
            deduction = Math.Min(Math.Min(recoverable * r.DebtDeductionShare, uc.MaxDeductionShare * standard), afterCap - sanction);

        return new UcAward(max, earningsReduction, capReduction, sanction, deduction);
    }

    /// <summary>
    /// Children for whom the child element is paid under the two-child limit: the first two,
    /// and any later child born before 6 April 2017 (aged more than
    /// <paramref name="monthsSinceLimit"/> months in the month assessed).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ChildElements(in Household h, int monthsSinceLimit)
    {
        if (h.Children <= 2) return h.Children;
        var n = 2;
        if (h.ThirdChildAgeMonths > monthsSinceLimit) n++;
        if (h.Children > 3 && h.FourthChildAgeMonths > monthsSinceLimit) n++;
        return n;
    }

    /// <summary>
    /// Rent the housing element meets: private renters up to the Local Housing Allowance for
    /// their size of home (the 30th percentile of local rents, frozen or not by lever);
    /// social renters in full. Owners get none (support for mortgage interest is a loan).
    /// </summary>
    public static double EligibleRent(in Household h, double rent, in MonthRates r) => h.Tenure switch
    {
        Tenure.PrivateRent => Math.Min(rent, r.LhaFor(h)),
        Tenure.SocialRent => rent,
        _ => 0,
    };
}
