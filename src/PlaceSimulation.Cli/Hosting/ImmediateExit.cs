using System.Runtime.InteropServices;

namespace PlaceSimulation.Cli.Hosting;

/// <summary>
/// Ends the process at once, with no graceful stop: for a silo that must not serve again (declared
/// dead, or forgotten by a Redis restarted empty). A graceful stop would try to reach a cluster that
/// no longer counts it in, and Orleans would log its failures (with stack traces) after the one
/// sentence the silo has said.
/// </summary>
public static class ImmediateExit
{
    /// <summary>
    /// Says the one sentence on standard error and exits at once. Both console writers are held
    /// from here on (they lock themselves on every write), so nothing another thread writes, such
    /// as a warning the console logger still had queued, can land after the sentence.
    /// </summary>
    public static void Say(string sentence, int code)
    {
        Monitor.Enter(Console.Out);
        Monitor.Enter(Console.Error);
        Console.Error.WriteLine(sentence);
        Now(code);
    }

    public static void Now(int code)
    {
        Console.Error.Flush();
        Console.Out.Flush();
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) Exit(code);
        Environment.Exit(code);
    }

    [DllImport("libc", EntryPoint = "_exit")]
    private static extern void Exit(int code);
}
