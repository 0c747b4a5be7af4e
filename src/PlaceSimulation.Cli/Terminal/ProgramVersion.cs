using System.Reflection;

namespace PlaceSimulation.Cli.Terminal;

public static class ProgramVersion
{
    public static string Text { get; } =
        (typeof(ProgramVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
