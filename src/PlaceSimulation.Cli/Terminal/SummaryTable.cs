using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Reports.Charts;
using PlaceSimulation.Reports.Tables;
using Spectre.Console;

namespace PlaceSimulation.Cli.Terminal;

/// <summary>The end-of-run table: each arm's headline metrics at the horizon, mean and 90% interval.</summary>
public static class SummaryTable
{
    /// <param name="label">An arm's plain-English label (the scenario's); the id, as in timeseries.csv, follows it in grey.</param>
    public static void Show(ResultTable t, Func<string, string>? label = null)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"At {t.Spec.MonthAt(t.Months - 1)}, all places (mean over {t.Replications} replication{(t.Replications == 1 ? "" : "s")}, 90% interval)");
        table.AddColumn("arm");
        var metrics = MetricCatalogue.Headline.Select(t.MetricIndex).ToArray();
        foreach (var k in metrics) table.AddColumn(new TableColumn(Markup.Escape(t.Metrics[k].Label)).RightAligned());
        for (var a = 0; a < t.Arms; a++)
        {
            var name = t.Spec.Arms[a].Name;
            var shown = label?.Invoke(name) is { } l && l != name ? $"{Markup.Escape(l)} [grey]({Markup.Escape(name)})[/]" : Markup.Escape(name);
            var cells = new List<string> { shown };
            foreach (var k in metrics)
            {
                var i = Interval.OfMetric(t.AcrossReplications(a, t.All, t.Months - 1, k), t.Metrics[k]);
                var def = t.Metrics[k];
                var text = Display.Value(def, i.Mean).Replace(" a month", "");
                if (i.HasInterval) text += $" [grey]({Display.Value(def, i.Lo).Replace(" a month", "")}–{Display.Value(def, i.Hi).Replace(" a month", "")})[/]";
                cells.Add(text);
            }
            table.AddRow(cells.ToArray());
        }
        AnsiConsole.Write(table);
    }
}
