using PlaceSimulation.Reports.Charts;
using PlaceSimulation.Reports.Offset;
using PlaceSimulation.Reports.Report;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Reports.Files;

/// <summary>What a run wrote: the files (relative to its folder) and its charts.</summary>
public sealed record WrittenRun(IReadOnlyList<string> Files, IReadOnlyList<WrittenChart> Charts);

/// <summary>
/// Writes everything a run produces into a folder: timeseries.csv, summary.json, the charts,
/// and for a scenario with an offset design offset.csv, offset_replications.csv and the
/// offset chart pack; then report.md, briefing.md (and briefing.pdf); manifest.json last (it lists the rest).
/// </summary>
public static class RunOutputs
{
    public static WrittenRun Write(string folder, Scenario scenario, ResultTable table, OffsetAnalysis? offset, string version, Func<RunInfo> info, bool totalsOnly = false)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        string At(string relative)
        {
            files.Add(relative);
            return Path.Combine(folder, relative);
        }
        TimeseriesCsv.Write(At("timeseries.csv"), table, totalsOnly);
        TimeseriesParquet.WriteAsync(At("timeseries.parquet"), table, totalsOnly).GetAwaiter().GetResult();
        SummaryJson.Write(At("summary.json"), scenario, table, offset is null ? null : w => OffsetJson.Write(w, offset));
        if (offset is not null)
        {
            OffsetCsv.Write(At("offset.csv"), offset);
            OffsetCsv.WriteReplications(At("offset_replications.csv"), offset);
        }
        // In reading order: the bridges and the effects over time (the finding), the metrics over time, then services and needs.
        var offsetDrafts = offset is null ? [] : OffsetCharts.Drafts(scenario, offset, version);
        static bool First(ChartDraft d) => d.Stem.StartsWith("bridge-", StringComparison.Ordinal) || d.Stem.StartsWith(EffectsOverTimeChart.Stem, StringComparison.Ordinal);
        var drafts = offsetDrafts.Where(First)
            .Concat(RunCharts.Drafts(scenario, table, version, offset))
            .Concat(offsetDrafts.Where(d => !First(d)))
            .ToArray();
        var charts = ChartPack.Write(Path.Combine(folder, "charts"), "charts", drafts);
        files.AddRange(charts.SelectMany(c => c.Images.Select(i => i.File).Append(c.DataFile).Append(c.AltTextFile)));
        RunReport.Write(At("report.md"), scenario, table, offset, charts, version);
        var briefing = Briefing.From(scenario, table, offset, charts, version);
        briefing.WriteMarkdown(At("briefing.md"));
        if (BriefingPdf.TryWrite(Path.Combine(folder, "briefing.pdf"), briefing, Path.Combine(folder))) files.Add("briefing.pdf");
        files.Add("manifest.json");
        ManifestJson.Write(Path.Combine(folder, "manifest.json"), scenario, info(), files, charts);
        return new WrittenRun(files, charts);
    }
}
