using PlaceSimulation.Reports.Charts;
using PlaceSimulation.Reports.Compare;
using PlaceSimulation.Reports.Report;

namespace PlaceSimulation.Reports.Files;

/// <summary>What produced a comparison: the command, version and timings.</summary>
public sealed record CompareInfo(string Command, string ProgramVersion, DateTimeOffset Started, double WallSeconds);

/// <summary>
/// Writes a comparison's folder: each scenario's full run in a subfolder named after it,
/// then compare.csv (and compare_offset.csv when some scenario has an offset design), the
/// comparison charts, report.md and manifest.json.
/// </summary>
public static class CompareOutputs
{
    public static IReadOnlyList<WrittenChart> Write(string folder, ScenarioComparison c, string version, Func<ComparedRun, RunInfo> runInfo, Func<CompareInfo> info, bool totalsOnly = false)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        foreach (var run in c.Runs)
        {
            var written = RunOutputs.Write(Path.Combine(folder, run.Name), run.Scenario, run.Table, run.Offset, version, () => runInfo(run), totalsOnly);
            files.AddRange(written.Files.Select(f => $"{run.Name}/{f}"));
        }
        CompareCsv.Write(Path.Combine(folder, "compare.csv"), c);
        files.Add("compare.csv");
        if (c.Runs.Any(r => r.Offset is not null))
        {
            CompareCsv.WriteOffset(Path.Combine(folder, "compare_offset.csv"), c);
            files.Add("compare_offset.csv");
        }
        var charts = ChartPack.Write(Path.Combine(folder, "charts"), "charts", CompareCharts.Drafts(c, version));
        files.AddRange(charts.SelectMany(ch => ch.Images.Select(i => i.File).Append(ch.DataFile).Append(ch.AltTextFile)));
        CompareReport.Write(Path.Combine(folder, "report.md"), c, charts, version);
        files.Add("report.md");
        files.Add("manifest.json");
        var i = info();
        JsonFiles.Write(Path.Combine(folder, "manifest.json"), w =>
        {
            w.WriteStartObject();
            w.WriteString("program", "placesim");
            w.WriteString("version", i.ProgramVersion);
            w.WriteString("command", Redaction.Redact(i.Command)); // never a password
            w.WriteString("git_commit", GitCommit.Of(Path.GetDirectoryName(Path.GetFullPath(c.Runs[0].Scenario.Path)) ?? "."));
            ManifestJson.WriteParameters(w);
            w.WriteString("kind", "comparison");
            w.WriteString("started_utc", i.Started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"));
            w.Number("wall_seconds", i.WallSeconds);
            w.WriteStartArray("scenarios");
            foreach (var run in c.Runs)
            {
                var s = run.Table.Spec;
                w.WriteStartObject();
                w.WriteString("name", run.Name);
                w.WriteString("folder", run.Name + "/");
                w.WriteString("scenario_file", run.Scenario.Path);
                w.WriteString("scenario_sha256", run.Scenario.Sha256);
                w.WriteNumber("seed", s.Seed);
                w.WriteNumber("replications", s.Replications);
                w.WriteString("start", s.Start.ToString());
                w.WriteNumber("months", s.Months);
                w.WriteNumber("households", s.TotalHouseholds);
                w.WriteString("reference_arm", s.Arms[run.ReferenceArm].Name);
                w.WriteStartArray("arms");
                foreach (var a in s.Arms) w.WriteStringValue(a.Name);
                w.WriteEndArray();
                w.WriteBoolean("offset_design", run.Offset is not null);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("files");
            foreach (var f in files) w.WriteStringValue(f);
            w.WriteEndArray();
            ManifestJson.WriteCharts(w, charts);
            w.WriteEndObject();
        });
        return charts;
    }
}
