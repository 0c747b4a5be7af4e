using PlaceSimulation.Cli.Terminal;
using System.CommandLine;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Cli.Commands;

/// <summary>
/// placesim offset FILE: the offset analysis (docs/OFFSET.md). Runs the four arms of the
/// scenario's offset design (neither, local, national, both) and writes everything
/// <c>run</c> writes. --local and --national make the design from any two of the file's
/// policies.
/// </summary>
public static class OffsetCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("scenario") { Description = "Scenario file (YAML) with an 'offset:' design, e.g. scenarios/offset.yaml" };
        var output = new Option<string?>("--out") { Description = "Folder for the outputs (default: out/<scenario name>); replaced if it holds an earlier run" };
        var local = new Option<string?>("--local") { Description = "The policy that is the local change (with --national: replaces the file's arms by the four offset arms)" };
        var national = new Option<string?>("--national") { Description = "The policy that is the national forces" };
        var resume = RunCommand.ResumeOption();
        var options = new ScenarioOptions();
        var cluster = new ClusterOptions();
        var command = new Command("offset", "How much of the local gain do national forces cancel? Run the four offset arms; write data, the chart pack and report.md") { file, output, local, national, resume };
        options.AddTo(command);
        cluster.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            if (!cluster.TryRead(parse, out var target, out var bad)) return Terminal.Errors.BadInput(bad!);
            var l = parse.GetValue(local);
            var n = parse.GetValue(national);
            if ((l is null) != (n is null))
                return Terminal.Errors.BadInput("--local and --national go together: give both policies, or neither to use the file's offset design");
            var design = l is not null && n is not null ? new OffsetDesign(l, n) : null;
            if (!RunCommand.TryOutput(parse.GetValue(output), parse.GetValue(resume), out var outDir, out var resuming, out bad)) return Terminal.Errors.BadInput(bad!);
            return await RunCommand.ExecuteAsync(parse.GetValue(file)!, outDir, options.Read(parse), CommandLineText.AsTyped,
                requireOffset: true, design, cancel, target, cluster.TotalsOnly(parse), resuming);
        });
        return command;
    }
}
