using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Model.Tests.Parameters;

public class ParameterFilesTests
{
    [Fact]
    public void The_parameter_files_load_without_a_problem()
    {
        var problems = ParameterCatalogue.EmbeddedUnchecked.Problems;
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_parameter_the_model_reads_has_a_unit_and_a_source_or_an_assumption()
    {
        var catalogue = ParameterCatalogue.Embedded;
        foreach (var leaf in ParameterSchema.Instance.Leaves)
        {
            Assert.True(catalogue.Parameters.TryGetValue(leaf.Path, out var info), $"{leaf.Path} has no parameter file entry");
            Assert.False(string.IsNullOrWhiteSpace(info!.Unit), $"{leaf.Path} has no unit");
            Assert.False(string.IsNullOrWhiteSpace(info.Description), $"{leaf.Path} has no description");
            Assert.True(!string.IsNullOrWhiteSpace(info.Source) || !string.IsNullOrWhiteSpace(info.Assumption), $"{leaf.Path} has neither a source nor an assumption");
        }
        Assert.Equal(ParameterSchema.Instance.Leaves.Count, catalogue.Parameters.Count);
    }

    [Fact]
    public void Every_preset_value_has_a_source_or_an_assumption()
    {
        foreach (var preset in ParameterCatalogue.Embedded.Presets.Values)
            foreach (var v in preset.Values)
                Assert.True(!string.IsNullOrWhiteSpace(v.Source) || !string.IsNullOrWhiteSpace(v.Assumption), $"{preset.Name}: {v.Path}");
    }

    [Fact]
    public void A_parameter_file_without_a_unit_or_a_source_is_refused_with_its_line()
    {
        var files = new[]
        {
            ("parameters/economy.yaml", "description: x\nparameters:\n  cpi_annual:\n    value: 0.02\n    description: y\n"),
        };
        var problems = ParameterCatalogue.Load(files).Problems;
        Assert.Contains(problems, p => p.File == "parameters/economy.yaml" && p.Line == 4 && p.Field == "economy.cpi_annual.unit" && p.Message.Contains("'unit' is required"));
        Assert.Contains(problems, p => p.Field == "economy.cpi_annual" && p.Message.Contains("source"));
    }

    /// <summary>
    /// Parameters with no plausible range although they are stated assumptions: policy and
    /// scenario levers whose baseline value is current policy by definition (sweeping them is a
    /// scenario, not an uncertainty), and values the model does not read. Each says so in its
    /// assumption text.
    /// </summary>
    private static readonly HashSet<string> NoRangeByDesign =
    [
        "economy.shock_job_loss_multiplier", "economy.shock_job_find_multiplier",
        "local.relational.budget_gbp_month_per_1000", "local.systems_change.pooled_budget_share",
        "local.systems_change.local_jobs_per_month_per_10k",
        "national.funding.local_government_grant_scale", "national.funding.mental_health_scale",
        "national.funding.vcse_scale", "national.funding.jobcentre_scale",
        "national.housing.social_lets_scale", "national.universal_credit.rate_scale",
        "local.council_tax.effect", "local.crisis_fund.effect",
    ];

    private static bool IsAssumedOrCalibrated(ParameterInfo p) =>
        !string.IsNullOrWhiteSpace(p.Assumption)
        || System.Text.RegularExpressions.Regex.IsMatch(p.Source + " " + p.Assumption, "calibrat|tuned|fitted",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    [Fact]
    public void Every_assumed_or_calibrated_parameter_has_a_plausible_range_around_its_value_within_its_bounds()
    {
        var missing = new List<string>();
        var ranged = 0;
        foreach (var p in ParameterCatalogue.Embedded.Parameters.Values.OrderBy(p => p.Path, StringComparer.Ordinal))
        {
            if (p.IsSwitch)
            {
                Assert.False(p.HasRange, $"{p.Path} is a switch but has a range");
                continue;
            }
            if (p.HasRange)
            {
                ranged++;
                var (lo, hi) = (p.RangeLow!.Value, p.RangeHigh!.Value);
                Assert.True(lo < hi, $"{p.Path}: range [{lo}, {hi}] is empty");
                Assert.True(lo <= p.Value && p.Value <= hi, $"{p.Path}: range [{lo}, {hi}] does not contain the value {p.Value}");
                Assert.True(p.Min is null || lo >= p.Min, $"{p.Path}: range low {lo} is below min {p.Min}");
                Assert.True(p.Max is null || hi <= p.Max, $"{p.Path}: range high {hi} is above max {p.Max}");
            }
            else if (IsAssumedOrCalibrated(p))
            {
                if (NoRangeByDesign.Contains(p.Path))
                    Assert.Contains("No range:", p.Assumption);
                else
                    missing.Add($"{p.Path} ({p.File}:{p.Line})");
            }
        }
        Assert.True(missing.Count == 0, "assumed or calibrated parameters without a plausible range:\n" + string.Join("\n", missing));
        Assert.True(ranged > 100, $"only {ranged} parameters have a range");
        foreach (var path in NoRangeByDesign)
            Assert.True(ParameterCatalogue.Embedded.Parameters.ContainsKey(path), $"{path} in the no-range list is not a parameter");
    }

    private static IReadOnlyList<ScenarioError> ProblemsWithRange(string range, string unit = "share/year", string value = "0.02", string bounds = "    min: 0\n    max: 0.5\n") =>
        ParameterCatalogue.Load([("parameters/economy.yaml",
            $"description: x\nparameters:\n  cpi_annual:\n    value: {value}\n    unit: {unit}\n{bounds}    range: {range}\n    description: y\n    assumption: z\n")]).Problems;

    [Theory]
    [InlineData("[0.01]", "expected two numbers [low, high]")]
    [InlineData("[0.01, 0.02, 0.03]", "expected two numbers [low, high]")]
    [InlineData("0.01", "expected two numbers [low, high]")]
    [InlineData("[0.01, lots]", "expected a number")]
    [InlineData("[0.03, 0.01]", "expected low below high")]
    [InlineData("[0.02, 0.02]", "expected low below high")]
    [InlineData("[0.03, 0.05]", "does not contain the value 0.02")]
    [InlineData("[-0.01, 0.05]", "below min 0")]
    [InlineData("[0.01, 0.6]", "above max 0.5")]
    public void A_bad_range_is_refused_with_its_file_line_and_field(string range, string expected)
    {
        var problems = ProblemsWithRange(range);
        Assert.Contains(problems, p => p.File == "parameters/economy.yaml" && p.Line == 8 && p.Field == "economy.cpi_annual.range" && p.Message.Contains(expected));
    }

    [Fact]
    public void A_switch_has_no_range_and_a_good_range_is_read()
    {
        Assert.Contains(ProblemsWithRange("[0, 1]", unit: "switch", value: "false", bounds: ""),
            p => p.Line == 6 && p.Field == "economy.cpi_annual.range" && p.Message.Contains("switch"));

        var files = new[] { ("parameters/economy.yaml", "description: x\nparameters:\n  cpi_annual:\n    value: 0.02\n    unit: share/year\n    range: [0.01, 0.04]\n    description: y\n    assumption: z\n") };
        var info = ParameterCatalogue.Load(files).Parameters["economy.cpi_annual"];
        Assert.Equal((0.01, 0.04), (info.RangeLow!.Value, info.RangeHigh!.Value));
        Assert.True(info.HasRange);
        Assert.False(ParameterCatalogue.Embedded.Parameters["national.tax.personal_allowance_gbp_year"].HasRange);
    }

    [Fact]
    public void Paths_bind_snake_case_to_properties()
    {
        Assert.Equal("national.universal_credit.standard_allowance_single_gbp_month",
            ParameterSchema.Instance.Leaves.Single(l => l.Path.EndsWith("standard_allowance_single_gbp_month")).Path);
        Assert.Equal("local_jobs_per_month_per_10k", ParameterSchema.ToSnake("LocalJobsPerMonthPer10k"));
        var p = new ModelParameters();
        ParameterSchema.Instance["national.sanctions.monthly_rate"].Set(p, 0.5);
        Assert.Equal(0.5, p.National.Sanctions.MonthlyRate);
        Assert.Equal(ParameterSchema.Instance.ToVector(p), ParameterSchema.Instance.ToVector(ParameterSchema.Instance.FromVector(ParameterSchema.Instance.ToVector(p))));
    }
}
