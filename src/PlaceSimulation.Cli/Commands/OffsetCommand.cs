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
        var options = new ScenarioOptions();
        var cluster = new ClusterOptions();
        var command = new Command("offset", "How much of the local gain do national forces cancel? Run the four offset arms; write data, the chart pack and report.md") { file, output, local, national };
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
            return await RunCommand.ExecuteAsync(parse.GetValue(file)!, parse.GetValue(output), options.Read(parse), Environment.CommandLine,
                requireOffset: true, design, cancel, target, cluster.TotalsOnly(parse));
        });
        return command;
    }
}

/// <summary>An offset design given on the command line: checked against the file's policies, then made into the four arms.</summary>
public static class OffsetDesigns
{
    public static string? Problem(Scenario s, OffsetDesign d)
    {
        var known = string.Join(", ", s.Policies.Keys);
        if (!s.Policies.ContainsKey(d.LocalPolicy)) return $"--local: unknown policy '{d.LocalPolicy}' in {s.Path}; expected one of: {known}";
        if (!s.Policies.ContainsKey(d.NationalPolicy)) return $"--national: unknown policy '{d.NationalPolicy}' in {s.Path}; expected one of: {known}";
        if (d.LocalPolicy == d.NationalPolicy) return "--local and --national must be different policies";
        return null;
    }

    /// <summary>A file with both 'arms' and 'offset' must have the four arms of the design among its arms.</summary>
    public static string? ArmsProblem(Scenario s) =>
        s.Offset is { } d && Reports.Offset.OffsetArms.Find(s.Spec, d) is null
            ? $"{s.Path}: the offset design needs the arms neither, local, national and both (or arms with no policy, '{d.LocalPolicy}' only, '{d.NationalPolicy}' only and both); "
              + "remove 'arms' to let the design make them"
            : null;

    public static Scenario Apply(Scenario s, OffsetDesign d) =>
        s with { Offset = d, Spec = s.Spec with { Arms = ScenarioLoader.OffsetArms(d, s.Policies) } };
}
