namespace PlaceSimulation.Model.Tests.FaceValidity;

/// <summary>
/// The model responds to each lever in the direction the evidence says it should. Small runs
/// on common random numbers: the arms share households and random draws, so a difference is
/// the lever's doing.
/// </summary>
public class FaceValidityTests
{
    private static (double Base, double Changed) Compare(string metric, string setBlock, int households = 4000, string preset = "like-middlesbrough", string verb = "set")
    {
        var policy = $"""
              lever:
                description: the lever
                changes:
                  - from: 2025-05
                    {verb}:
            {setBlock}
            """;
        var spec = TestWorld.Scenario(TestWorld.Yaml(households: households, months: 24, replications: 2, preset: preset,
            policies: policy, arms: "  base: []\n  lever: [lever]")).Spec;
        var r = TestWorld.Run(spec);
        return (TestWorld.Mean(spec, r, 0, metric), TestWorld.Mean(spec, r, 1, metric));
    }

    [Fact]
    public void Harsher_sanctions_raise_destitution()
    {
        var (b, c) = Compare("destitution_rate", "              national.sanctions.monthly_rate: 0.08\n              national.sanctions.length_months: 4");
        Assert.True(c > b * 1.05, $"destitution {b:P2} -> {c:P2}");
    }

    [Fact]
    public void Relational_casework_lowers_unmet_needs()
    {
        var (b, c) = Compare("unmet_needs", "              local.relational.budget_gbp_month_per_1000: 3000\n              local.systems_change.integrated_front_door: true");
        Assert.True(c < b * 0.98, $"unmet needs {b:F3} -> {c:F3}");
    }

    [Fact]
    public void Council_cuts_lengthen_waits_for_council_services()
    {
        foreach (var service in new[] { "advice", "housing" })
        {
            var (b, c) = Compare($"wait_months_{service}", "              national.funding.local_government_grant_scale: 0.4");
            Assert.True(c > b * 1.1, $"{service}: wait {b:F1} -> {c:F1} months");
        }
    }

    [Fact]
    public void Higher_benefits_lower_poverty()
    {
        var (b, c) = Compare("poverty_rate_ahc", "              national.universal_credit.rate_scale: 1.2", verb: "set");
        Assert.True(c < b - 0.01, $"poverty {b:P1} -> {c:P1}");
    }
}
