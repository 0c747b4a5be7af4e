namespace PlaceSimulation.Tests.Shared;

/// <summary>
/// The built placesim in the CLI's own output folder, which the tests that run it as a process
/// start: its ReadyToRun images and runtime settings, what `dotnet run` starts. One file,
/// linked into each test project that needs it.
/// </summary>
internal static class BuiltCli
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static string Dll(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "src", "PlaceSimulation.Cli", "bin", Configuration, "net10.0", "placesim.dll");
}
