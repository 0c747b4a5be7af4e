namespace PlaceSimulation.Cli.Terminal;

/// <summary>
/// The command line as the user typed it ("placesim run scenarios/offset.yaml --seed 7"), for
/// manifest.json: not the absolute path of the .dll the dotnet host was given.
/// </summary>
public static class CommandLineText
{
    public static string AsTyped { get; private set; } = "placesim";

    public static void Set(IEnumerable<string> args) => AsTyped = "placesim" + string.Concat(args.Select(a => " " + Quote(a)));

    /// <summary>An argument quoted for a POSIX shell when it needs to be.</summary>
    public static string Quote(string a) =>
        a.Length > 0 && a.All(c => char.IsLetterOrDigit(c) || "-_./:=,@+%".Contains(c)) ? a : "'" + a.Replace("'", "'\\''") + "'";
}
