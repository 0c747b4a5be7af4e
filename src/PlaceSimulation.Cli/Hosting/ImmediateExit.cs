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
