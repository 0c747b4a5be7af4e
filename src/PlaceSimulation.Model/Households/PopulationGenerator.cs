using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Randomness;

namespace PlaceSimulation.Model.Households;

/// <summary>
/// Builds a place's households from its preset (the make-up of the real place from public
/// statistics): household type, children, tenure, work and wages, housing costs, savings,
/// debt, needs and trust. Each household is a pure function of (seed, replication, place,
/// household id): the same household appears in every arm of a run (common random
/// numbers) and whatever grain hosts it. Within-type correlations (social renters work
/// less and earn less; owners more) follow the preset's ratios.
/// </summary>
public static class PopulationGenerator
{
    public static Household Create(int id, ulong replicationKey, ulong entity, ModelParameters p)
    {
        var pl = p.Place;
        var key = CounterRng.EntityMonthKey(replicationKey, entity, -1);
        double U(RandomStream s) => CounterRng.Uniform(key, s);
        double N(RandomStream s) => CounterRng.Normal(key, s);

        var h = new Household { Id = id };
        h.Pensioner = U(RandomStream.Population) < pl.PensionerShare;
        var uType = U(RandomStream.PopulationAdult2);
        if (h.Pensioner)
        {
            h.Adults = (byte)(uType < pl.PensionerCoupleShare ? 2 : 1);
        }
        else
        {
            var withChildren = CounterRng.Uniform(key, RandomStream.PopulationExtra, 0) < pl.WithChildrenShare;
            if (withChildren)
            {
                var uk = CounterRng.Uniform(key, RandomStream.PopulationExtra, 1);
                h.Children = (byte)(uk < pl.OneChildShare ? 1
                    : uk < pl.OneChildShare + pl.TwoChildrenShare ? 2
                    : uk < pl.OneChildShare + pl.TwoChildrenShare + pl.ThreeChildrenShare ? 3 : 4);
                for (var c = 0; c < h.Children; c++)
                    if (CounterRng.Uniform(key, RandomStream.PopulationExtra, 10 + c) < pl.OlderChildShare) h.OlderChildren++;
                ChildAges(ref h, key);
                h.Adults = (byte)(uType < pl.CoupleShareWithChildren ? 2 : 1);
            }
            else
            {
                h.Adults = (byte)(uType < pl.CoupleShareWithoutChildren ? 2 : 1);
            }
        }

        // A grown-up child (or other adult) living in the household: only in households of a couple or a lone parent.
        if (h.Adults > 1 || h.Children > 0)
            h.NonDependants = (byte)(CounterRng.Uniform(key, RandomStream.PopulationExtra, 31) < pl.NonDependantShare * (h.Pensioner ? 0.5 : 1) ? 1 : 0);
        h.NoRecourse = !h.Pensioner && CounterRng.Uniform(key, RandomStream.PopulationExtra, 30) < pl.NoRecourseShare;
        h.Tenure = DrawTenure(h.Pensioner, h.Children > 0, U(RandomStream.PopulationRent), pl);
        h.Mortgage = h.Tenure == Tenure.Owner && CounterRng.Uniform(key, RandomStream.PopulationRent, 1) < (h.Pensioner ? 0.1 : pl.MortgageShareOfOwners);

        // Employability k multiplies job finding and divides job loss, so the odds of
        // employment scale by k²: k is the square root of the group's employment odds ratio.
        var employmentRatio = h.Tenure switch { Tenure.SocialRent => pl.EmploymentRatioSocial, Tenure.Owner => pl.EmploymentRatioOwner, _ => 1.0 }
                              * (h.Adults == 1 && h.Children > 0 ? pl.EmploymentRatioLoneParent : 1.0);
        h.Employability = (float)Math.Sqrt(OddsRatio(pl.EmploymentRate * employmentRatio, pl.EmploymentRate));

        var wageRatio = h.Tenure switch { Tenure.SocialRent => pl.EarningsRatioSocial, Tenure.Owner => pl.EarningsRatioOwner, _ => 1.0 };
        h.Wage1 = (float)(pl.MedianFullTimeEarningsGbpMonth * wageRatio * Math.Exp(pl.EarningsDispersion * N(RandomStream.PopulationWage)));
        h.Wage2 = (float)(pl.MedianFullTimeEarningsGbpMonth * wageRatio * pl.SecondEarnerWageRatio * Math.Exp(pl.EarningsDispersion * CounterRng.Normal(key, RandomStream.PopulationExtra)));

        // Health first: it decides fitness for work.
        var uNeeds = U(RandomStream.PopulationNeeds);
        h.NeedPhysical = (float)(uNeeds < pl.PhysicalNeedPrevalence ? 0.5 + 0.5 * CounterRng.Uniform(key, RandomStream.PopulationNeeds, 1) : 0.3 * CounterRng.Uniform(key, RandomStream.PopulationNeeds, 2));
        h.NeedMental = (float)(CounterRng.Uniform(key, RandomStream.PopulationNeeds, 3) < pl.MentalNeedPrevalence ? 0.5 + 0.5 * CounterRng.Uniform(key, RandomStream.PopulationNeeds, 4) : 0.3 * CounterRng.Uniform(key, RandomStream.PopulationNeeds, 5));
        h.NeedIsolation = (float)(CounterRng.Uniform(key, RandomStream.PopulationNeeds, 6) < pl.IsolationPrevalence ? 0.5 + 0.4 * CounterRng.Uniform(key, RandomStream.PopulationNeeds, 7) : 0.3 * CounterRng.Uniform(key, RandomStream.PopulationNeeds, 8));
        h.Lcwra = !h.Pensioner && Math.Max(h.NeedPhysical, h.NeedMental) >= p.National.UniversalCredit.LcwraNeedThreshold;

        if (h.Pensioner)
        {
            var lowest = p.National.Pensions.LowestStatePensionShare;
            h.StatePensionShare = (float)(lowest + (1 - lowest) * CounterRng.Uniform(key, RandomStream.PopulationWage, 2));
            var hasPrivate = CounterRng.Uniform(key, RandomStream.PopulationWage, 3) >= pl.PensionerNoPrivatePensionShare;
            h.OtherIncomeBase = hasPrivate
                ? (float)(pl.PensionerOtherIncomeGbpMonth * Math.Exp(0.8 * CounterRng.Normal(key, RandomStream.PopulationWage, 1)) * h.Adults)
                : 0f;
        }
        else
        {
            // Start at the labour market's own steady state (LabourMarket.SteadyState).
            var health = Math.Max(h.NeedPhysical, h.NeedMental);
            var tightness = LabourMarket.Tightness(pl, p.Economy);
            var employment = LabourMarket.SteadyState(LabourMarket.Loss(h, p.Economy, p.Behaviour, health),
                LabourMarket.Find(h, p.Economy, p.Behaviour, tightness, health, unfit: false));
            h.Work1 = Work(key, 0, employment, LabourMarket.PartTimeShare(h, 1, pl), h.Lcwra);
            if (h.Adults > 1) h.Work2 = Work(key, 1, employment, LabourMarket.PartTimeShare(h, 2, pl), false);
        }

        if (h.NonDependants > 0)
        {
            // Younger adults earn less (ASHE age profile); they work at the place's rate.
            h.Wage3 = (float)(pl.MedianFullTimeEarningsGbpMonth * pl.NonDependantWageRatio * Math.Exp(pl.EarningsDispersion * CounterRng.Normal(key, RandomStream.PopulationExtra, 32)));
            var ndHealth = h.Pensioner ? 0 : Math.Max(h.NeedPhysical, h.NeedMental);
            h.Work3 = Work(key, 2, LabourMarket.SteadyState(LabourMarket.Loss(h, p.Economy, p.Behaviour, ndHealth),
                LabourMarket.Find(h, p.Economy, p.Behaviour, LabourMarket.Tightness(pl, p.Economy), ndHealth, unfit: false)), pl.PartTimeShare, false);
        }

        var size = MonthRates.HomeSize(h);
        h.HousingCostBase = h.Tenure switch
        {
            Tenure.PrivateRent => (float)(pl.PrivateRentGbpMonth * size * Math.Exp(pl.RentDispersion * N(RandomStream.PopulationRent))),
            Tenure.SocialRent => (float)(pl.SocialRentGbpMonth * size * Math.Exp(0.15 * N(RandomStream.PopulationRent))),
            _ => h.Mortgage ? (float)Mortgage(h, pl, N(RandomStream.PopulationRent)) : 0f,
        };

        // Savings in months of a rough take-home income.
        var roughIncome = h.Pensioner ? 900.0 * h.Adults + h.OtherIncomeBase
            : 0.75 * ((h.Work1 > 0 ? h.Wage1 * (h.Work1 == 1 ? pl.PartTimeEarningsRatio : 1) : 0) + (h.Work2 > 0 ? h.Wage2 * (h.Work2 == 1 ? pl.PartTimeEarningsRatio : 1) : 0)) + 500;
        var tenureSavings = h.Tenure switch { Tenure.Owner => 2.0, Tenure.PrivateRent => 0.6, _ => 0.3 };
        // The household starts at its own buffer (HouseholdBudget keeps it there).
        h.SavingsTargetMonths = (float)(pl.SavingsMedianMonths * tenureSavings * Math.Exp(1.2 * CounterRng.Normal(key, RandomStream.PopulationExtra, 2)));
        h.Savings = (float)(roughIncome * h.SavingsTargetMonths);
        // Problem debt sits where the model's own debt rules leave it after some years
        // (borrowing to cover shortfalls, advances, arrears turned into debt): mostly with
        // working-age households where no one works, seldom with pensioners; a few
        // thousand pounds, log-normal. Starting there keeps the baseline from drifting for
        // years while an over-large starting stock is paid down (docs/MODEL.md §2).
        var workless = !h.Pensioner && h.Work1 == 0 && h.Work2 == 0;
        var debtRisk = pl.DebtPrevalence * (h.Tenure == Tenure.Owner ? 0.6 : 1.5)
                       * (h.Pensioner ? pl.DebtRatioPensioner : workless ? pl.DebtRatioWorkless : 1.0);
        if (CounterRng.Uniform(key, RandomStream.PopulationExtra, 3) < debtRisk)
            h.Debt = (float)(pl.DebtTypicalGbp * Math.Exp(0.7 * CounterRng.Normal(key, RandomStream.PopulationExtra, 4)));

        h.Trust = (float)Math.Clamp(pl.TrustMean + 0.15 * N(RandomStream.PopulationTrust), 0.05, 1);
        h.Agency = (float)Math.Clamp(0.65 + 0.15 * CounterRng.Normal(key, RandomStream.PopulationTrust, 1) - 0.2 * h.NeedMental, 0.1, 1);
        h.Claims = U(RandomStream.PopulationTakeUp) < (h.Pensioner ? p.National.Pensions.PensionCreditTakeUp : p.Behaviour.InitialTakeUp);
        h.ClaimsPip = CounterRng.Uniform(key, RandomStream.PopulationTakeUp, 1) < p.National.Disability.PipTakeUp;
        h.MonthsSinceDestitute = short.MaxValue;
        h.MonthsSinceSeenDestitute = short.MaxValue;
        return h;
    }

    /// <summary>
    /// Children's ages, eldest first: older children (14 and over, as counted for
    /// equivalisation) uniformly 14 to 17, the others 0 to 13 (stated assumption: ages
    /// uniform within each band). Only the third and fourth child's ages are kept: they
    /// decide the two-child limit (UniversalCredit).
    /// </summary>
    private static void ChildAges(ref Household h, ulong key)
    {
        Span<int> ages = stackalloc int[4];
        var n = Math.Min((int)h.Children, 4);
        for (var c = 0; c < n; c++)
        {
            var u = CounterRng.Uniform(key, RandomStream.PopulationExtra, 40 + c);
            ages[c] = c < h.OlderChildren ? 168 + (int)(u * 48) : (int)(u * 168);
        }
        // Within each band, eldest first (the bands already are: older children come first).
        ages[..Math.Min(n, h.OlderChildren)].Sort((a, b) => b.CompareTo(a));
        ages[Math.Min(n, h.OlderChildren)..n].Sort((a, b) => b.CompareTo(a));
        h.ThirdChildAgeMonths = n > 2 ? (byte)ages[2] : (byte)0;
        h.FourthChildAgeMonths = n > 3 ? (byte)ages[3] : (byte)0;
    }

    /// <summary>A mortgage sized to the household's potential earnings (or pension), with a spread.</summary>
    private static double Mortgage(in Household h, PlaceParameters pl, double z)
    {
        var potential = h.Pensioner ? h.OtherIncomeBase + 800.0 * h.Adults : h.Wage1 + (h.Adults > 1 ? 0.6 * h.Wage2 : 0);
        return pl.MortgageShareOfEarnings * potential * Math.Exp(0.3 * z);
    }

    private static double OddsRatio(double p, double reference)
    {
        static double Odds(double x) => Math.Clamp(x, 0.02, 0.98) / (1 - Math.Clamp(x, 0.02, 0.98));
        return Odds(p) / Odds(reference);
    }

    private static byte Work(ulong key, int adult, double employment, double partTimeShare, bool unfit)
    {
        if (unfit) return 0;
        var u = CounterRng.Uniform(key, RandomStream.PopulationExtra, 20 + adult);
        if (u >= employment) return 0;
        return u < employment * partTimeShare ? (byte)1 : (byte)2;
    }

    /// <summary>
    /// Pensioners own at the preset's rate; working-age tenure shares are set so the whole
    /// population matches the place's tenure shares, with families with children renting
    /// more often than other working-age households (by the preset's ratio).
    /// </summary>
    private static Tenure DrawTenure(bool pensioner, bool children, double u, PlaceParameters pl)
    {
        var rentedShare = pl.SocialRentShare + pl.PrivateRentShare;
        var socialOfRented = rentedShare > 0 ? pl.SocialRentShare / rentedShare : 0.5;
        double owner;
        if (pensioner)
        {
            owner = pl.PensionerOwnerShare;
        }
        else
        {
            var totalOwner = 1 - rentedShare;
            owner = Math.Clamp((totalOwner - pl.PensionerShare * pl.PensionerOwnerShare) / Math.Max(1e-9, 1 - pl.PensionerShare), 0, 1);
            // Split working-age renting between families and others, keeping the average.
            var w = pl.WithChildrenShare;
            var ratio = pl.FamiliesRentingRatio;
            var renting = 1 - owner;
            var familyRenting = Math.Clamp(renting * ratio / (w * ratio + 1 - w), 0, 1);
            var otherRenting = Math.Clamp(renting / (w * ratio + 1 - w), 0, 1);
            owner = 1 - (children ? familyRenting : otherRenting);
        }
        if (u < owner) return Tenure.Owner;
        // Among pensioner renters, social renting dominates (EHS); working-age renters split to match the place.
        var social = pensioner ? Math.Min(0.9, socialOfRented + 0.3) : socialOfRented;
        return (u - owner) / Math.Max(1e-9, 1 - owner) < social ? Tenure.SocialRent : Tenure.PrivateRent;
    }
}
