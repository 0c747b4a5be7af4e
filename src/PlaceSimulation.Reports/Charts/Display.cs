using System.Globalization;
using PlaceSimulation.Model.Metrics;

namespace PlaceSimulation.Reports.Charts;

/// <summary>How a metric's values read to people: percentages for shares, pounds for money.</summary>
public static class Display
{
    public static bool IsShare(MetricDefinition m) => m.Unit.StartsWith("share", StringComparison.Ordinal);
    public static bool IsMoney(MetricDefinition m) => m.Unit.StartsWith("GBP", StringComparison.Ordinal);

    /// <summary>The multiplier from stored value to plotted value (shares are plotted as %).</summary>
    public static double PlotScale(MetricDefinition m) => IsShare(m) ? 100 : IsMoney(m) ? 1e-6 : 1;

    public static string AxisLabel(MetricDefinition m) =>
        IsShare(m) ? $"{m.Label} (% of {m.Unit["share of ".Length..]})"
        : IsMoney(m) ? $"{m.Label} (£ million a month)"
        : $"{m.Label} ({m.Unit})";

    public static string Value(MetricDefinition m, double v)
    {
        if (double.IsNaN(v)) return "n/a";
        var c = CultureInfo.InvariantCulture;
        if (IsShare(m)) return (v * 100).ToString("0.0", c) + "%";
        if (IsMoney(m)) return Math.Abs(v) >= 1e6 ? "£" + (v / 1e6).ToString("0.0", c) + "m a month" : "£" + v.ToString("#,0", c) + " a month";
        return Math.Abs(v) >= 100 ? v.ToString("#,0", c) : v.ToString("0.00", c);
    }

    /// <summary>A difference in plain words: percentage points for shares.</summary>
    public static string Difference(MetricDefinition m, double d)
    {
        var c = CultureInfo.InvariantCulture;
        if (IsShare(m)) return (Math.Abs(d) * 100).ToString("0.0", c) + " percentage points";
        if (IsMoney(m)) return "£" + (Math.Abs(d) / 1e6).ToString("0.0", c) + "m a month";
        return Math.Abs(d).ToString("0.00", c) + " " + m.Unit;
    }
}
