using System.Globalization;
using CsvHelper;
using PlaceSimulation.Reports.Calibration;

namespace PlaceSimulation.Reports.Files;

/// <summary>
/// calibration.csv: one row per national target, header
/// <c>metric,target,tolerance,simulated_mean,lo90,hi90,pass,window,place</c> (place empty for national targets); numbers as in every
/// other file (<see cref="Formats.Number"/>), NA where undefined.
/// </summary>
public static class CalibrationCsv
{
    public const string Header = "metric,target,tolerance,simulated_mean,lo90,hi90,pass,window,place";

    public static void Write(string path, IReadOnlyList<CalibrationResult> results)
    {
        using var stream = new StreamWriter(path, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        using var csv = CsvWriter.Create(stream, new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: false);
        csv.WriteRecord(Header.Split(','));
        foreach (var r in results)
        {
            csv.WriteRecord(new[]
            {
                r.Target.Metric, Formats.Number(r.Target.Target), Formats.Number(r.Target.Tolerance), Formats.Number(r.Simulated.Mean),
                Formats.Number(r.Simulated.Lo), Formats.Number(r.Simulated.Hi), r.Pass ? "true" : "false", r.Target.Window, r.Target.Place ?? "",
            });
        }
    }
}
