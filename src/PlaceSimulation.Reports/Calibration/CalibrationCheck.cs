using System.Globalization;
using System.Text;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Reports.Calibration;

/// <summary>One target compared with the simulation: the mean over replications and its 90% interval.</summary>
public sealed record CalibrationResult(CalibrationTarget Target, Interval Simulated)
{
    public bool Pass => !double.IsNaN(Simulated.Mean) && Math.Abs(Simulated.Mean - Target.Target) <= Target.Tolerance;
}

/// <summary>
/// Compares a calibration run (first arm) with its targets: national targets with the run's
/// first place, a preset's targets with the place they name (no such place: undefined, so the
/// target fails).
/// </summary>
public static class CalibrationCheck
{
    public static IReadOnlyList<CalibrationResult> Evaluate(ResultTable t, IReadOnlyList<CalibrationTarget> targets)
    {
        var results = new List<CalibrationResult>();
        foreach (var target in targets)
        {
            var k = t.MetricIndex(target.Metric);
            var place = target.Place is null ? 0 : IndexOf(t.PlaceIds, target.Place);
            if (place < 0)
            {
                results.Add(new CalibrationResult(target, Interval.Of([double.NaN])));
                continue;
            }
            var perReplication = new double[t.Replications];
            for (var r = 0; r < t.Replications; r++)
            {
                if (target.Window == CalibrationTarget.YearEnd)
                {
                    perReplication[r] = t.Value(0, r, place, Math.Min(11, t.Months - 1), k);
                }
                else
                {
                    var months = Math.Min(12, t.Months);
                    double sum = 0;
                    for (var m = 0; m < months; m++) sum += t.Value(0, r, place, m, k);
                    perReplication[r] = sum / months;
                }
            }
            results.Add(new CalibrationResult(target, Interval.OfMetric(perReplication, t.Metrics[k])));
        }
        return results;
    }

    /// <summary>The calibration table as Markdown (the same table docs/MODEL.md carries).</summary>
    public static string Markdown(IReadOnlyList<CalibrationResult> results)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("| metric | target | tolerance | simulated mean | 90% interval | result | source |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            sb.Append(c, $"| {r.Target.Key} | {Number(r.Target.Target)} | ±{Number(r.Target.Tolerance)} | {Number(r.Simulated.Mean)} | ");
            sb.Append(r.Simulated.HasInterval ? $"{Number(r.Simulated.Lo)} to {Number(r.Simulated.Hi)}" : "n/a");
            sb.AppendLine(c, $" | {(r.Pass ? "pass" : "**fail**")} | {r.Target.Source.Replace("|", "/")} |");
        }
        return sb.ToString();
    }

    private static int IndexOf(IReadOnlyList<string> ids, string id)
    {
        for (var i = 0; i < ids.Count; i++) if (ids[i] == id) return i;
        return -1;
    }

    public static string Number(double v) =>
        double.IsNaN(v) ? "n/a" : Math.Abs(v) >= 10 ? v.ToString("0.0", CultureInfo.InvariantCulture) : v.ToString("0.000", CultureInfo.InvariantCulture);
}
