using System.CommandLine;
using PlaceSimulation.Cli.Terminal;
using PlaceSimulation.Scenarios;
using Spectre.Console;

namespace PlaceSimulation.Cli.Commands;

/// <summary>placesim validate FILE: checks a scenario without running it.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("scenario") { Description = "Scenario file (YAML)" };
        var command = new Command("validate", "Check a scenario file: every problem with its line and field; exit code 2 if any") { file };
        command.SetAction(parse => Execute(parse.GetValue(file)!));
        return command;
    }

    public static int Execute(string path)
    {
        Scenario s;
        try
        {
            s = ScenarioLoader.Load(path);
        }
        catch (ScenarioException e)
        {
            return Errors.BadInput(e.Errors);
        }
        var spec = s.Spec;
        AnsiConsole.MarkupLine($"[green]valid[/] {Markup.Escape(path)}: [bold]{Markup.Escape(s.Title)}[/]");
        AnsiConsole.MarkupLine($"  question: {Markup.Escape(s.Question)}");
        AnsiConsole.MarkupLine($"  {spec.Start} for {spec.Months} months (+{spec.BurnInMonths} burn-in), seed {spec.Seed}, {spec.Replications} replication(s)");
        foreach (var p in spec.Places)
            AnsiConsole.MarkupLine($"  place {Markup.Escape(p.Id)}: {Markup.Escape(p.Label)}, {p.SimulatedHouseholds:N0} simulated of {p.BaseParameters.Place.Households:N0} households");
        foreach (var a in spec.Arms)
            AnsiConsole.MarkupLine($"  arm {Markup.Escape(a.Name)}: {(a.Policies.Count == 0 ? "no policy changes" : Markup.Escape(string.Join(" + ", a.Policies)))} ({a.Changes.Count} lever change(s))");
        return ExitCodes.Ok;
    }
}
