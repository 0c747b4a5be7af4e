using Microsoft.Extensions.DependencyInjection;
using PlaceSimulation.Cli.Terminal;

namespace PlaceSimulation.Cli.Hosting;

/// <summary>
/// What a silo does when Orleans meets a fatal error, above all when the cluster has declared
/// it dead (it was out of reach for longer than the probes allow, and came back): Orleans'
/// own handler fails fast, which prints a stack trace and a core-dump notice. This prints one
/// sentence and exits with code 1 at once: a silo declared dead holds nothing worth a graceful
/// stop (its grains have been activated elsewhere), must not serve again, and its supervisor
/// (systemd Restart=on-failure, a container runtime) starts it again as a new silo.
/// </summary>
public sealed class SiloFatalHandler(IFatalErrorHandler inner) : IFatalErrorHandler
{
    public bool IsUnexpected(Exception exception) => inner.IsUnexpected(exception);

    public void OnFatalException(object? sender = null, string? context = null, Exception? exception = null)
    {
        var message = exception?.GetBaseException().Message.Split('\n', 2)[0].Trim() ?? context ?? "unknown";
        var dead = (context?.Contains("KillMyself", StringComparison.OrdinalIgnoreCase) ?? false)
            || message.Contains("dead", StringComparison.OrdinalIgnoreCase) || message.Contains("defunct", StringComparison.OrdinalIgnoreCase);
        // No graceful stop: it would try to reach a cluster that no longer counts this silo in.
        ImmediateExit.Say(dead
            ? "error: the cluster declared this silo dead (it was out of reach too long) and it must not serve again: exiting, so that its supervisor starts it again as a new silo"
            : $"error: the silo stopped on a fatal error: {message}", ExitCodes.Failed);
    }

    /// <summary>Puts this handler in front of the one Orleans registered.</summary>
    public static void Replace(IServiceCollection services)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(IFatalErrorHandler))
            ?? throw new InvalidOperationException("Orleans registered no fatal error handler");
        services.Remove(original);
        services.AddSingleton<IFatalErrorHandler>(sp => new SiloFatalHandler(original.ImplementationFactory is { } f
            ? (IFatalErrorHandler)f(sp)
            : original.ImplementationInstance as IFatalErrorHandler
              ?? (IFatalErrorHandler)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)));
    }
}
