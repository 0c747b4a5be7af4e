using System.Globalization;

namespace PlaceSimulation.Reports.Files;

/// <summary>How numbers are written in every output file: invariant culture, 10 significant digits, NA when undefined.</summary>
public static class Formats
{
    public static string Number(double v) =>
        double.IsNaN(v) || double.IsInfinity(v) ? "NA" : Round(v).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Rounds to 10 significant digits (enough for any figure the model supports; hides binary noise).</summary>
    public static double Round(double v)
    {
        if (v == 0 || double.IsNaN(v) || double.IsInfinity(v)) return v;
        var digits = 10 - (int)Math.Floor(Math.Log10(Math.Abs(v))) - 1;
        return digits is >= 0 and <= 15 ? Math.Round(v, digits, MidpointRounding.AwayFromZero) : double.Parse(v.ToString("G10", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
