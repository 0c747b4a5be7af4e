using System.CommandLine;
using PlaceSimulation.Cli.Commands;
using PlaceSimulation.Cli.Terminal;

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

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var e in parse.Errors) Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine("Run 'placesim --help' for usage.");
    return ExitCodes.BadInput;
}
// Ctrl+C and SIGTERM cancel the command; a silo leaving its cluster gracefully may need more
// than the default two seconds before the process is ended.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(60) });
