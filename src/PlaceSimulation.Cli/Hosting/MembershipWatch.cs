using Microsoft.Extensions.Hosting;
using PlaceSimulation.Cli.Terminal;

namespace PlaceSimulation.Cli.Hosting;

/// <summary>
/// A silo on Redis membership looks for its own row in the membership table every few
/// seconds. A Redis server restarted empty has lost every row: the silo would go on running
/// but no client or new silo could find it. It then says so in one line and exits with code 1,
/// so that its supervisor (systemd, a container runtime) starts it again and it registers
/// afresh (at once, with no graceful stop: see <see cref="ImmediateExit"/>). While Redis cannot be reached at all, the silo goes on with the membership it last
/// read (Orleans' own behaviour) and looks again later.
/// </summary>
public sealed class MembershipWatch(IMembershipTable table, ILocalSiloDetails silo) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var seen = false;
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(Every, stop);
            bool present;
            try
            {
                present = (await table.ReadRowAsync(silo.SiloAddress, stop).WaitAsync(TimeSpan.FromSeconds(10), stop)).Members.Count > 0;
            }
            catch (Exception e) when (Forgotten(e))
            {
                present = false;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                continue;
            }
            if (present) seen = true;
            else if (seen)
            {
                ImmediateExit.Say("error: this silo is no longer in the cluster's membership table (was Redis restarted empty?): exiting, so that its supervisor starts it again and it registers afresh",
                    ExitCodes.Failed);
            }
        }
    }

    /// <summary>Redis answered, but the cluster's table is gone (its version row with it): "The Redis membership table version is missing".</summary>
    private static bool Forgotten(Exception e) =>
        e.GetType().Name == "RedisClusteringException" || e.GetBaseException().Message.Contains("table version is missing", StringComparison.OrdinalIgnoreCase);
}
