namespace PlaceSimulation.Model.Households;

/// <summary>
/// Income of a pensioner household, £ per month: the State Pension for each adult (between
/// the old basic and the full new State Pension, drawn for each household), private
/// and occupational pensions, Pension Credit's guarantee credit topping income up to the
/// guarantee (only when claimed: take-up is well below 100%), and Housing Benefit for
/// renters (full rent on Pension Credit; otherwise withdrawn at 65p per £1 of income above
/// the guarantee). Simplifications (stated): no savings credit, no Attendance Allowance.
/// </summary>
public static class PensionIncome
{
    /// <summary>Pension Credit and Housing Benefit are the entitlements; Paid is what the household gets (nothing unless it claims).</summary>
    public readonly record struct Result(double StatePension, double Other, double PensionCredit, double HousingBenefit, bool Claims)
    {
        public double Entitlement => PensionCredit + HousingBenefit;
        public double Benefits => StatePension + (Claims ? Entitlement : 0);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Result Assess(in Household h, double otherIncome, double rent, in MonthRates r)
    {
        var statePension = r.StatePension * h.StatePensionShare * h.Adults;
        var guarantee = h.Adults > 1 ? r.PensionCreditCouple : r.PensionCreditSingle;
        var income = statePension + otherIncome;
        var credit = Math.Max(0, guarantee - income);
        var housing = 0.0;
        if (h.Tenure != Tenure.Owner)
            housing = credit > 0 ? rent : Math.Max(0, rent - 0.65 * Math.Max(0, income - guarantee));
        return new Result(statePension, otherIncome, credit, housing, h.Claims);
    }
}
