using PlaceSimulation.Reports.Findings;
using PlaceSimulation.Reports.Offset;
using Spectre.Console;

namespace PlaceSimulation.Cli.Terminal;

/// <summary>The end-of-run offset table: each headline metric's decomposition at the horizon, and the finding in words.</summary>
public static class OffsetTable
{
    public static void Show(OffsetAnalysis a)
    {
        var t = a.Table;
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"Offset analysis at {t.Spec.MonthAt(a.Horizon)}, all places (mean, 90% interval)");
        table.AddColumn("metric");
        foreach (var m in OffsetMeasures.All) table.AddColumn(new TableColumn(m.Name()).RightAligned());
        foreach (var metric in OffsetAnalysis.Headline.Append("unmet_needs"))
        {
            var def = a.Definition(metric);
            var p = a.AtHorizon(metric);
            var cells = new List<string> { Markup.Escape(Words.Capitalised(Words.Noun(def))) };
            foreach (var m in OffsetMeasures.Differences)
            {
                var e = p[m];
                var text = Words.SignedShort(def, e.Mean).Replace(" pts", "");
                if (e.HasInterval) text += $" [grey]({Words.SignedShort(def, e.Lo).Replace(" pts", "")} to {Words.SignedShort(def, e.Hi).Replace(" pts", "")})[/]";
                cells.Add(text);
            }
            var s = p.Share;
            cells.Add(s.IsDefined
                ? Words.Percent(s.Mean) + (s.HasInterval ? $" [grey]({Words.Percent(s.Lo)} to {Words.Percent(s.Hi)})[/]" : "")
                : $"[yellow]{Estimate.StatusName(s.Status)}[/]");
            table.AddRow(cells.ToArray());
        }
        AnsiConsole.Write(table);
        Errors.Note("Changes in the metric against neither change (percentage points for shares): positive = higher, negative = lower, as in offset.csv; for these metrics lower is better.");
        foreach (var metric in OffsetAnalysis.Headline)
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(OffsetFindings.Headline(a.Definition(metric), a.AtHorizon(metric)))}.[/]");
    }
}
