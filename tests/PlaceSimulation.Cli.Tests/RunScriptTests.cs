using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;

namespace PlaceSimulation.Cli.Tests;

/// <summary>
/// run.ps1, the PowerShell entry point. PowerShell (pwsh) cannot be installed on these
/// machines, but the System.Management.Automation package is PowerShell's own engine: its
/// parser checks the script with the real grammar, and a runspace hosted in this test
/// process runs it. No extra runtime set-up is needed on Linux: the package's
/// runtimes/unix assembly is copied next to the tests and an in-process runspace
/// (InitialSessionState.CreateDefault2) starts without a PowerShell installation. That
/// runspace has only the core cmdlets (no Join-Path), so run.ps1 uses language features only.
/// </summary>
public sealed class RunScriptTests
{
    private static string Script => Path.Combine(Repository.Root, "run.ps1");

    [Fact]
    public void Run_ps1_parses_without_errors_and_passes_its_arguments_to_the_cli()
    {
        var ast = Parser.ParseFile(Script, out _, out var errors);

        Assert.Empty(errors.Select(e => $"{e.Extent.StartLineNumber}:{e.Extent.StartColumnNumber}: {e.Message}"));
        Assert.Contains("scenarios/offset.yaml", File.ReadAllText(Script));
        var dotnet = ast.FindAll(a => a is CommandAst c && c.GetCommandName() == "dotnet", searchNestedScriptBlocks: true).Cast<CommandAst>().ToList();
        Assert.Contains(dotnet, c => c.CommandElements.Any(e => e is VariableExpressionAst { Splatted: true } v && v.VariablePath.UserPath == "args"));
        Assert.Contains(ast.FindAll(a => a is ExitStatementAst, true).Cast<ExitStatementAst>(), e => e.Pipeline?.Extent.Text == "$LASTEXITCODE");
    }

    [Fact]
    public void Run_ps1_with_no_arguments_runs_the_headline_scenario_and_exits_with_the_cli_exit_code()
    {
        var (exitCode, args) = RunScript([], cliExitCode: 2);

        Assert.Equal(2, exitCode);
        Assert.Equal(["run", "--project", $"{Repository.Root}/src/PlaceSimulation.Cli", "-c", "Release", "--",
                      "run", $"{Repository.Root}/scenarios/offset.yaml", "--out", $"{Repository.Root}/out/offset"], args);
    }

    [Fact]
    public void Run_ps1_passes_every_argument_through_unchanged()
    {
        var (exitCode, args) = RunScript(["run", "'my scenario.yaml'", "--out", "o", "--seed", "3", "--households-per-grain", "1"], cliExitCode: 0);

        Assert.Equal(0, exitCode);
        Assert.Equal(["run", "--project", $"{Repository.Root}/src/PlaceSimulation.Cli", "-c", "Release", "--",
                      "run", "my scenario.yaml", "--out", "o", "--seed", "3", "--households-per-grain", "1"], args);
    }

    /// <summary>
    /// Runs run.ps1 as a user would type it (the words are PowerShell tokens), with `dotnet`
    /// aliased to a stand-in that records its arguments and exits with the given code.
    /// </summary>
    private static (int ExitCode, string[] Args) RunScript(string[] words, int cliExitCode)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("the stand-in for dotnet is a POSIX shell script");
        using var temp = new TempFolder();
        var fake = temp.Write("dotnet", $"#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$(dirname \"$0\")/args.txt\"\nexit {cliExitCode}\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var session = InitialSessionState.CreateDefault2();
        session.Commands.Add(new SessionStateAliasEntry("dotnet", fake));
        using var ps = PowerShell.Create(session);
        ps.AddScript($"& '{Script.Replace("'", "''")}' {string.Join(' ', words)}; $LASTEXITCODE");

        var output = ps.Invoke();

        Assert.Empty(ps.Streams.Error.Select(e => e.ToString()));
        var args = File.ReadAllLines(temp["args.txt"]);
        return ((int)output.Single().BaseObject, args);
    }
}
