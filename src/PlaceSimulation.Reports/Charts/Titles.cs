using PlaceSimulation.Reports.Tables;

namespace PlaceSimulation.Reports.Charts;

/// <summary>Titles that state the finding, from the same numbers as summary.json (the horizon means).</summary>
public static class Titles
{
    public static string OverTime(ResultTable t, int metric, IReadOnlyList<ArmSeries> series)
    {
        var def = t.Metrics[metric];
        var horizon = Findings.Words.Month(t.Spec.MonthAt(t.Months - 1));
        var label = def.Label;
        if (series.Count == 1)
        {
            var s = series[0];
            return $"{label}: {Display.Value(def, s.Mean[0])} in {Findings.Words.Month(t.Spec.Start)}, {Display.Value(def, s.Mean[^1])} by {horizon}";
        }
        var best = def.LowerIsBetter ? series.MinBy(s => s.Mean[^1])! : series.MaxBy(s => s.Mean[^1])!;
        var worst = def.LowerIsBetter ? series.MaxBy(s => s.Mean[^1])! : series.MinBy(s => s.Mean[^1])!;
        return $"{label} by {horizon}: {Display.Value(def, best.Mean[^1])} with {Findings.ArmLabels.InSentence(best.Arm)}, {Display.Value(def, worst.Mean[^1])} with {Findings.ArmLabels.InSentence(worst.Arm)}";
    }
}
