using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Randomness;

namespace PlaceSimulation.Model.Households;

/// <summary>
/// Eviction and rehousing. A household whose rent or mortgage arrears pass the threshold
/// (in months of payments) is evicted or repossessed with a monthly probability (highest
/// for private renters, whose tenancies are least secure; rare for owners), unless a housing
/// adviser or caseworker intervenes that month. An evicted
/// household's arrears become debt and it is placed in temporary accommodation, whose cost
/// falls on the council: failure demand (Shelter 2024: £2.29bn on temporary accommodation
/// in England in 2023-24, about £1,700 per household a month). It is rehoused in social
/// housing at a monthly rate set by the supply of social lets, which the social-housing
/// lever scales [CLES: home ownership at the expense of social housing].
/// </summary>
public static class Homelessness
{
    public static void Step(ref Household h, ulong key, bool helped, ModelParameters p, in MonthRates r, long[] counters)
    {
        var b = p.Behaviour;
        if (h.Homeless)
        {
            counters[Counter.FailureDemandPence] += Counter.Pence(b.HomelessCostGbpMonth * r.PriceIndex);
            var rehouse = b.RehousingMonthly * p.National.Housing.SocialLetsScale * (helped ? 2 : 1);
            if (CounterRng.Chance(key, RandomStream.Rehousing, rehouse))
            {
                h.Homeless = false;
                h.Tenure = Tenure.SocialRent;
                h.HousingCostBase = (float)(p.Place.SocialRentGbpMonth * MonthRates.HomeSize(h));
                h.HousingArrears = 0;
            }
            return;
        }

        if (h.HousingCost <= 0 || helped) return;
        if (h.HousingArrears <= b.EvictionArrearsMonths * h.HousingCost) return;
        var evict = h.Tenure switch
        {
            Tenure.PrivateRent => b.EvictionMonthlyPrivate,
            Tenure.SocialRent => b.EvictionMonthlySocial,
            _ => b.RepossessionMonthly,
        };
        if (!CounterRng.Chance(key, RandomStream.Eviction, evict)) return;
        h.Homeless = true;
        h.Debt += h.HousingArrears;
        h.HousingArrears = 0;
        h.NeedHousing = 1;
        counters[Counter.Evictions]++;
        counters[Counter.FailureDemandPence] += Counter.Pence(b.EvictionCostGbp * r.PriceIndex);
    }
}
