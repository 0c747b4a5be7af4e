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
