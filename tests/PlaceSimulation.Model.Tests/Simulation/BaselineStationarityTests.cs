using PlaceSimulation.Model.Calendar;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Places;
using PlaceSimulation.Model.Services;
using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Model.Tests.Simulation;

/// <summary>
/// An unchanged baseline should not drift because of how the model starts: households begin
/// near where the model's own rules keep them (work, claims, savings, debt), and burn-in
/// settles stocks without moving prices, rents and benefits on (docs/MODEL.md §1, §2).
/// </summary>
public class BaselineStationarityTests
{
    private static readonly RunSpec NoBurnIn = TestWorld.Scenario("""
        name: drift
        title: Drift
        question: Does an unchanged baseline start where it stays?
        start: 2025-04
        months: 48
        burn_in_months: 0
        seed: 11
        replications: 1
        households: 6000
        places:
          - id: p
            preset: england-average
        arms:
          base: []
        """).Spec;

    private static readonly Lazy<RunResults> Results = new(() => TestWorld.Run(NoBurnIn));

    private static double YearMean(string metric, int year)
    {
        var def = MetricCatalogue.ByName[metric];
        var values = new List<double>();
        for (var m = 12 * year; m < 12 * (year + 1); m++)
            values.Add(def.Compute(MetricCatalogue.Scale(Results.Value.Get(0, 0, 0, m), NoBurnIn.Places[0].Weight)));
        return values.Average();
    }

    [Theory]
    [InlineData("take_up_rate", 0.03)]
    [InlineData("employment_rate", 0.03)]
    [InlineData("poverty_rate_ahc", 0.025)]
    [InlineData("destitution_rate", 0.02)]
    [InlineData("uc_deductions_share", 0.08)]
    public void With_no_burn_in_the_first_year_is_already_near_the_fourth(string metric, double tolerance)
    {
        var first = YearMean(metric, 0);
        var fourth = YearMean(metric, 3);
        Assert.True(Math.Abs(first - fourth) <= tolerance, $"{metric}: first year {first:F3}, fourth year {fourth:F3}");
    }

    [Fact]
    public void Starting_debt_is_near_where_the_debt_rules_keep_it()
    {
        // Nominal pounds: prices and earnings rise about 3% a year, hence the wide band.
        var first = YearMean("debt_mean_gbp", 0);
        var fourth = YearMean("debt_mean_gbp", 3);
        Assert.InRange(first / fourth, 0.75, 1.33);
    }

    [Fact]
    public void Crisis_services_see_no_more_destitution_than_there_is()
    {
        for (var m = 0; m < NoBurnIn.Months; m++)
        {
            var c = Results.Value.Get(0, 0, 0, m);
            Assert.True(c[Counter.DestituteSeenPast12] <= c[Counter.HouseholdsDestitutePast12]);
        }
        Assert.True(YearMean("destitution_seen_annual_rate", 3) > 0);
        Assert.True(YearMean("destitution_seen_annual_rate", 3) < YearMean("destitution_annual_rate", 3));
    }

    [Fact]
    public void Burn_in_holds_prices_rents_benefits_and_budgets_at_the_start_date()
    {
        var p = TestWorld.Defaults();
        var s = PlaceSignals.Initial;
        var plan = CapacityPlanner.Plan(p, s, new int[ServiceKinds.Count], 0, 1);
        var april = new YearMonth(2026, 4);

        var held = PlaceDynamics.Step(s, p, Counter.New(), plan, 1, april, burnIn: true);
        Assert.Equal(s.PriceIndex, held.PriceIndex);
        Assert.Equal(s.EarningsIndex, held.EarningsIndex);
        Assert.Equal(s.RentIndex, held.RentIndex);
        Assert.Equal(s.BenefitIndex, held.BenefitIndex);
        Assert.Equal(s.LhaIndex, held.LhaIndex);
        Assert.Equal(s.BudgetIndex, held.BudgetIndex);

        var moved = PlaceDynamics.Step(s, p, Counter.New(), plan, 1, april);
        Assert.True(moved.PriceIndex > s.PriceIndex);
        Assert.True(moved.RentIndex > s.RentIndex);
        Assert.NotEqual(s.BenefitIndex, moved.BenefitIndex);
    }
}
