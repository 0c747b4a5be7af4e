using System.Globalization;
using PlaceSimulation.Model.Calendar;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Reports.Charts;

namespace PlaceSimulation.Reports.Findings;

/// <summary>How numbers and names read in titles and in report.md: one place, so a chart and the report say the same thing.</summary>
public static class Words
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The short noun for a metric in a sentence ("poverty", "destitution").</summary>
    public static string Noun(MetricDefinition m) => m.Name switch
    {
        "poverty_rate_ahc" => "poverty",
        "child_poverty_rate" => "child poverty",
        "deep_poverty_rate" => "very deep poverty",
        "destitution_rate" => "destitution",
        "destitution_annual_rate" => "destitution over the year",
        "unmet_needs" => "unmet needs",
        "public_cost_gbp" => "public cost",
        _ when m.Name.StartsWith("unmet_needs_", StringComparison.Ordinal) => "unmet " + Domain(m.Name) + " needs",
        _ => char.ToLowerInvariant(m.Label[0]) + m.Label[1..],
    };

    /// <summary>A level as a clause: "26.1% of people are in poverty", "0.30 severe needs per household are unmet".</summary>
    public static string Level(MetricDefinition m, double v) => m.Name switch
    {
        "poverty_rate_ahc" => $"{Value(m, v)} of people are in poverty",
        "child_poverty_rate" => $"{Value(m, v)} of children are in poverty",
        "deep_poverty_rate" => $"{Value(m, v)} of people are in very deep poverty",
        "destitution_rate" => $"{Value(m, v)} of households are destitute in the month",
        "unmet_needs" => $"there are {Display.Value(m, v)} unmet severe needs per household",
        _ when m.Name.StartsWith("unmet_needs_", StringComparison.Ordinal) => $"{Value(m, v)} of households have an unmet severe {Domain(m.Name)} need",
        _ => $"{char.ToLowerInvariant(m.Label[0]) + m.Label[1..]} is {Value(m, v)}",
    };

    public static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>"physical health" from "unmet_needs_physical_health".</summary>
    public static string Domain(string metric) => metric["unmet_needs_".Length..].Replace('_', ' ');

    /// <summary>"March 2029".</summary>
    public static string Month(YearMonth m) => new DateTime(m.Year, m.Month, 1).ToString("MMMM yyyy", C);

    /// <summary>The verb for doing better on a metric.</summary>
    public static string Improve(MetricDefinition m) => m.LowerIsBetter ? "lower" : "raise";

    /// <summary>A share as a whole percentage: 0.784 → "78%".</summary>
    public static string Percent(double share) => Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0", C) + "%";

    /// <summary>A metric's value as people read it (26.1%, 0.30 per household).</summary>
    public static string Value(MetricDefinition m, double v) =>
        Display.IsShare(m) ? Display.Value(m, v) : Display.Value(m, v) + (m.Unit.StartsWith("per ", StringComparison.Ordinal) ? " " + m.Unit : "");

    /// <summary>A size of difference, without sign: "1.0 percentage points", "0.02 per household".</summary>
    public static string Amount(MetricDefinition m, double d) =>
        Display.IsShare(m) ? Points(d) + " percentage points"
        : Display.IsMoney(m) ? Display.Difference(m, d)
        : Plain(d) + " " + m.Unit;

    /// <summary>A difference of shares in percentage points, without sign: one decimal, or two when it is below 0.1 points (so a small effect never reads as 0.0).</summary>
    public static string Points(double shareDifference, double? magnitude = null)
    {
        var x = Math.Abs(shareDifference) * 100;
        var m = Math.Abs(magnitude ?? shareDifference) * 100;
        return x.ToString("0." + new string('0', Decimals(m, 1)), C);
    }

    /// <summary>A signed change in the metric's level, positive = higher (the one sign convention): "+1.5 pts", "−0.4 pts", "+0.02", "−£7.4m", "−£40k".</summary>
    public static string SignedShort(MetricDefinition m, double levelChange)
    {
        var sign = levelChange > 0 ? "+" : levelChange < 0 ? "−" : "±";
        var a = Math.Abs(levelChange);
        return Display.IsShare(m) ? sign + Points(a) + " pts"
            : Display.IsMoney(m) ? sign + "£" + (a >= 50_000 ? (a / 1e6).ToString("0.0", C) + "m" : (a / 1e3).ToString("0", C) + "k")
            : sign + Plain(a);
    }

    /// <summary>"it" or "them" for a noun ("unmet needs": them).</summary>
    public static string It(string noun) => noun.EndsWith("needs", StringComparison.Ordinal) ? "them" : "it";

    /// <summary>"ends" or "end" after a noun ("unmet needs end").</summary>
    public static string End(string noun) => noun.EndsWith("needs", StringComparison.Ordinal) ? "end" : "ends";

    /// <summary>One end of a difference's interval, at the precision of the whole interval, without a sign on a value that rounds to zero.</summary>
    public static string Bound(MetricDefinition m, double v, Offset.Estimate e)
    {
        // The precision of the end nearer zero, so an interval that crosses zero visibly does (never "0.0 to 0.3" for −0.04 to 0.3).
        var ends = new[] { Math.Abs(e.Lo), Math.Abs(e.Hi) }.Where(x => x > 0 && double.IsFinite(x)).DefaultIfEmpty(0).ToArray();
        var magnitude = ends.Min();
        var text = Display.IsShare(m) ? Points(v, magnitude) : Plain(v, magnitude);
        var zero = text.All(ch => ch is '0' or '.');
        return (v < 0 && !zero ? "−" : "") + text;
    }

    /// <summary>A non-share difference without sign: two decimals, three when below 0.01.</summary>
    public static string Plain(double v, double? magnitude = null)
    {
        var a = Math.Abs(v);
        var m = Math.Abs(magnitude ?? v);
        return a.ToString(m >= 100 ? "#,0" : "0." + new string('0', Decimals(m, 2)), C);
    }

    /// <summary>Enough decimals that a non-zero magnitude shows at least one significant digit (at most three more than usual).</summary>
    public static int Decimals(double magnitude, int usual)
    {
        var d = usual;
        while (magnitude > 0 && d < usual + 3 && magnitude * Math.Pow(10, d) < 0.95) d++;
        return d;
    }

}
