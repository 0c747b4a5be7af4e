namespace PlaceSimulation.Cli.Terminal;

/// <summary>Exit codes: 0 success, 1 the run failed, 2 bad input (nothing was run or written), 130 interrupted (Ctrl+C or SIGTERM).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
    public const int Interrupted = 130;
}
