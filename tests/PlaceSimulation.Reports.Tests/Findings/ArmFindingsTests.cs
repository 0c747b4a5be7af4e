using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Reports.Findings;
using PlaceSimulation.Reports.Tables;

namespace PlaceSimulation.Reports.Tests.Findings;

/// <summary>Every arm against the reference arm: a difference is stated only when its interval excludes zero, and its rounding shows a zero crossing.</summary>
public class ArmFindingsTests
{
    private static readonly MetricDefinition Destitution = MetricCatalogue.ByName["destitution_rate"];
    private static readonly MetricDefinition Parcels = MetricCatalogue.ByName["food_parcels"];

    [Fact]
    public void An_interval_that_crosses_zero_is_rounded_so_that_it_visibly_does()
    {
        var i = new Interval(0.001, -0.0004, 0.0024, 0.001, 4);
        Assert.Equal("−0.04 pts", ArmFindings.Signed(Destitution, i.Lo, i));
        Assert.Equal("+0.24 pts", ArmFindings.Signed(Destitution, i.Hi, i));
        Assert.Equal("0.10 percentage points", ArmFindings.Magnitude(Destitution, i.Mean, i));
        var counts = new Interval(25, -41.6, 91.6, 40, 4);
        Assert.Equal("−42", ArmFindings.Signed(Parcels, counts.Lo, counts));
        Assert.Equal("25 parcels/month", ArmFindings.Magnitude(Parcels, counts.Mean, counts));
    }

    [Fact]
    public void Clear_only_when_the_interval_excludes_zero()
    {
        Assert.True(new ArmDifference(1, "a", "A", new Interval(0.01, 0.002, 0.018, 0.01, 4)).Clear);
        Assert.False(new ArmDifference(1, "a", "A", new Interval(0.01, -0.002, 0.022, 0.01, 4)).Clear);
        Assert.False(new ArmDifference(1, "a", "A", new Interval(0.01, double.NaN, double.NaN, double.NaN, 1)).Clear);
    }

    [Fact]
    public void Sentences_and_titles_of_a_real_run_state_only_clear_differences()
    {
        var (scenario, t) = OffsetRuns.Run(OffsetRuns.Working);
        var horizon = Words.Month(t.Spec.MonthAt(t.Months - 1));
        foreach (var metric in new[] { "poverty_rate_ahc", "destitution_rate", "food_parcels" })
        {
            var def = t.Metrics[t.MetricIndex(metric)];
            var diffs = ArmFindings.AtHorizon(scenario, t, metric);
            Assert.Equal(3, diffs.Count);
            Assert.DoesNotContain(diffs, d => d.Name == scenario.Reference);
            foreach (var d in diffs)
            {
                var sentence = ArmFindings.Sentence(scenario, def, d);
                Assert.Equal(!d.Clear, sentence.Contains("too small to tell from chance"));
                Assert.StartsWith($"With {ArmFindings.InSentence(scenario.ArmLabel(d.Name))},", sentence);
                Assert.DoesNotContain("'", sentence);
            }
            var title = ArmFindings.Title(scenario, t, def, diffs, horizon);
            foreach (var d in diffs)
                Assert.Equal(d.Clear, title.Contains(ArmFindings.InSentence(d.Label) + " than") || title.Contains(ArmFindings.InSentence(d.Label) + ","));
            if (!diffs.Any(d => d.Clear)) Assert.Contains("no arm differs", title);
        }
    }
}
