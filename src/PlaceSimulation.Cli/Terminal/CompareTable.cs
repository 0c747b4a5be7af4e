using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Reports.Charts;
using PlaceSimulation.Reports.Compare;
using Spectre.Console;

namespace PlaceSimulation.Cli.Terminal;

/// <summary>The end-of-comparison table: every arm of every scenario at its horizon, headline metrics, mean and 90% interval.</summary>
public static class CompareTable
{
    public static void Show(ScenarioComparison c)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("At each scenario's horizon, all places (mean, 90% interval)");
        table.AddColumn("scenario");
        table.AddColumn("arm");
        var defs = MetricCatalogue.Headline.Select(n => MetricCatalogue.ByName[n]).ToArray();
        foreach (var d in defs) table.AddColumn(new TableColumn(Markup.Escape(d.Label)).RightAligned());
        foreach (var run in c.Runs)
            for (var a = 0; a < run.Table.Arms; a++)
            {
                var cells = new List<string> { Markup.Escape(run.Name), ArmCell(run.Scenario.ArmLabel(run.Table.Spec.Arms[a].Name), run.Table.Spec.Arms[a].Name) };
                foreach (var d in defs)
                {
                    var v = c.Value(run, a, d.Name, run.Table.Months - 1).Level;
                    var text = Display.Value(d, v.Mean).Replace(" a month", "");
                    if (v.HasInterval) text += $" [grey]({Display.Value(d, v.Lo).Replace(" a month", "")}–{Display.Value(d, v.Hi).Replace(" a month", "")})[/]";
                    cells.Add(text);
                }
                table.AddRow(cells.ToArray());
            }
        AnsiConsole.Write(table);
    }

    /// <summary>An arm as people read it: its label, then its id (as in compare.csv) in grey.</summary>
    private static string ArmCell(string label, string id) =>
        label != id ? $"{Markup.Escape(label)} [grey]({Markup.Escape(id)})[/]" : Markup.Escape(id);
}
