using System.Runtime.CompilerServices;

namespace PlaceSimulation.Model.Households;

public enum Tenure : byte { Owner = 0, SocialRent = 1, PrivateRent = 2 }

/// <summary>The six interlocking need domains of 003_340379a075398e29.txt.</summary>
public enum NeedDomain : byte { Income = 0, Debt = 1, Housing = 2, PhysicalHealth = 3, MentalHealth = 4, Isolation = 5 }

public static class NeedDomains
{
    public const int Count = 6;
    public static readonly NeedDomain[] All = [NeedDomain.Income, NeedDomain.Debt, NeedDomain.Housing, NeedDomain.PhysicalHealth, NeedDomain.MentalHealth, NeedDomain.Isolation];

    public static string Name(NeedDomain d) => d switch
    {
        NeedDomain.Income => "income",
        NeedDomain.Debt => "debt",
        NeedDomain.Housing => "housing",
        NeedDomain.PhysicalHealth => "physical_health",
        NeedDomain.MentalHealth => "mental_health",
        NeedDomain.Isolation => "isolation",
        _ => throw new ArgumentOutOfRangeException(nameof(d)),
    };
}

/// <summary>The six needs of a household in one fixed-size block, indexed by <see cref="NeedDomain"/>.</summary>
[InlineArray(NeedDomains.Count)]
public struct NeedArray
{
    private float _first;
}

/// <summary>
/// One household: the unit the poverty measures count. Plain data, updated in place by
/// the rules in this folder. Money is nominal pounds; wages and rents are stored at the
/// run's start prices and multiplied by the place's indices each month. Needs are
/// severities in [0, 1] (0 none, 1 acute). Fields marked "this month" are recomputed
/// every month and carry nothing over.
/// </summary>
public struct Household
{
    // Identity and make-up
    public int Id;
    /// <summary>Adults of the benefit unit (one, or a couple).</summary>
    public byte Adults;

    /// <summary>A non-dependent adult living in the household (typically a grown-up child): 0 or 1.</summary>
    public byte NonDependants;
    public byte Children;
    public byte OlderChildren;

    /// <summary>
    /// Ages in months of the third and fourth child (children are listed eldest first; 0 when
    /// there is no such child). The population's ages are stationary (children neither age
    /// nor leave in a run), so a child of this age was born this many months before the
    /// month being assessed: what decides whether the two-child limit applies to it.
    /// </summary>
    public byte ThirdChildAgeMonths;
    public byte FourthChildAgeMonths;
    public bool Pensioner;

    // No recourse to public funds (an immigration condition): no Universal Credit, housing
    // support or Child Benefit, and usually no local welfare assistance.
    public bool NoRecourse;
    public Tenure Tenure;
    public bool Mortgage;

    // Work: 0 not working, 1 part time, 2 full time, per adult; wages at start prices (gross £/month full time)
    public byte Work1;
    public byte Work2;
    public byte Work3;

    // How readily the household's adults find and keep work relative to the average (1):
    // skills, networks and health history the model does not otherwise represent.
    public float Employability;
    public float Wage1;
    public float Wage2;
    public float Wage3;

    // Housing cost at start prices (£/month): rent for renters, mortgage for owners paying one
    public float HousingCostBase;

    // Other income at start prices (£/month): private and occupational pensions
    public float OtherIncomeBase;

    // Share of the full State Pension each pensioner in the household receives
    public float StatePensionShare;

    // Money (nominal £)
    public float Savings;
    /// <summary>The savings buffer the household aims to hold, in months of its income (buffer-stock saving).</summary>
    public float SavingsTargetMonths;
    public float Debt;
    /// <summary>Rent arrears for renters; mortgage arrears for owners.</summary>
    public float HousingArrears;
    public float CouncilTaxArrears;

    // Benefits
    public bool Claims;
    public bool ClaimsPip;
    public bool NewClaim;
    public byte SanctionMonths;
    public bool Lcwra;

    // Housing status
    public bool Homeless;

    // Help and relationships
    public byte CaseMonths;
    public byte MonthsWaiting;
    public ushort Waiting;
    public bool PaymentPlan;
    /// <summary>Months for which a household that gave up on a waiting list asks no specialist again.</summary>
    public byte DiscouragedMonths;
    public bool JobSupport;
    public float Trust;
    public float Agency;

    /// <summary>The six needs' severities, indexed by <see cref="NeedDomain"/> (one load per read, no switch).</summary>
    public NeedArray Needs;

    public float NeedIncome { readonly get => Needs[(int)NeedDomain.Income]; set => Needs[(int)NeedDomain.Income] = value; }
    public float NeedDebt { readonly get => Needs[(int)NeedDomain.Debt]; set => Needs[(int)NeedDomain.Debt] = value; }
    public float NeedHousing { readonly get => Needs[(int)NeedDomain.Housing]; set => Needs[(int)NeedDomain.Housing] = value; }
    public float NeedPhysical { readonly get => Needs[(int)NeedDomain.PhysicalHealth]; set => Needs[(int)NeedDomain.PhysicalHealth] = value; }
    public float NeedMental { readonly get => Needs[(int)NeedDomain.MentalHealth]; set => Needs[(int)NeedDomain.MentalHealth] = value; }
    public float NeedIsolation { readonly get => Needs[(int)NeedDomain.Isolation]; set => Needs[(int)NeedDomain.Isolation] = value; }

    // History
    public short MonthsSinceDestitute;
    /// <summary>Months since the household last came to a crisis service while destitute (JRF's count).</summary>
    public short MonthsSinceSeenDestitute;

    // This month (recomputed each month; £ per month)
    public float NetEarnings;
    public float OtherIncome;
    public float BenefitIncome;
    public float HousingCost;
    public float Water;
    public float CouncilTaxDue;
    public float Deductions;
    public float UcEntitlement;
    public float Disposable;
    public float Essentials;
    public float Gap;
    public ushort Requested;
    public bool Destitute;
    public bool ReferredOn;
    /// <summary>Asked the crisis fund and the food bank this month (short of essentials).</summary>
    public bool AskedCrisis;

    public readonly int People => Adults + NonDependants + Children;

    /// <summary>The severity of one need (a domain outside the six reads the last, isolation, as before).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly float Need(NeedDomain d) => Needs[Math.Min((int)d, NeedDomains.Count - 1)];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetNeed(NeedDomain d, float v) => Needs[Math.Min((int)d, NeedDomains.Count - 1)] = Math.Clamp(v, 0f, 1f);

    /// <summary>Adults of the benefit unit in work.</summary>
    public readonly int AdultsWorking => (Work1 > 0 ? 1 : 0) + ((Adults > 1 ? 1 : 0) & (Work2 > 0 ? 1 : 0));

    /// <summary>All adults in the household in work, the non-dependent adult included.</summary>
    public readonly int AllAdultsWorking => AdultsWorking + (NonDependants > 0 && Work3 > 0 ? 1 : 0);
}
