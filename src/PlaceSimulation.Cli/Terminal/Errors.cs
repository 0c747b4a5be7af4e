using PlaceSimulation.Scenarios;
using Spectre.Console;

namespace PlaceSimulation.Cli.Terminal;

/// <summary>Writes problems to standard error, one per line, file:line:column first.</summary>
public static class Errors
{
    public static int BadInput(IEnumerable<ScenarioError> errors)
    {
        var list = errors.ToList();
        foreach (var e in list) Console.Error.WriteLine($"error: {e}");
        Console.Error.WriteLine($"{list.Count} problem{(list.Count == 1 ? "" : "s")}: nothing was run.");
        return ExitCodes.BadInput;
    }

    public static int BadInput(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }

    public static int Failed(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return ExitCodes.Failed;
    }

    public static int Interrupted(string message)
    {
        Console.Error.WriteLine($"interrupted: {message}");
        return ExitCodes.Interrupted;
    }

    public static void Note(string message) => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(message)}[/]");
}
