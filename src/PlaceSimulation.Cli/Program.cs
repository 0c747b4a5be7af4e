using System.CommandLine;
using PlaceSimulation.Cli.Commands;
using PlaceSimulation.Cli.Terminal;
using Spectre.Console;

// placesim: run place-based policy scenarios on an Orleans cluster (embedded by default).
var root = new RootCommand("placesim - a distributed, agent-based simulation of a place and the national forces acting on it")
{
    RunCommand.Create(),
    OffsetCommand.Create(),
    CompareCommand.Create(),
    SweepCommand.Create(),
    UncertaintyCommand.Create(),
    ValidateCommand.Create(),
    CalibrateCommand.Create(),
    SiloCommand.Create(),
    BenchCommand.Create(),
    StudioCommand.Create(),
};

// Piped or in CI there is no terminal width to fit: lines and tables are written whole, never wrapped or cut at 80 columns.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 400;

CommandLineText.Set(args);
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var e in parse.Errors) Console.Error.WriteLine($"error: {OptionErrors.InWords(e.Message)}");
    Console.Error.WriteLine("Run 'placesim --help' for usage.");
    return ExitCodes.BadInput;
}
// Ctrl+C and SIGTERM cancel the command; a silo leaving its cluster gracefully may need more
// than the default two seconds before the process is ended.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(60) });
