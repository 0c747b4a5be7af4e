using System.CommandLine;
using System.Net;
using Microsoft.Extensions.Hosting;
using PlaceSimulation.Cli.Hosting;
using PlaceSimulation.Cli.Terminal;

namespace PlaceSimulation.Cli.Commands;

/// <summary>
/// placesim silo: one silo of a multi-process or multi-machine cluster, running until it is
/// stopped (Ctrl+C or SIGTERM). Clients attach with <c>placesim run --cluster ...</c>.
/// </summary>
public static class SiloCommand
{
    public static Command Create()
    {
        var clustering = new Option<string>("--clustering") { Description = "localhost (several processes on this machine) or redis (several machines sharing a Redis membership table)", DefaultValueFactory = _ => "localhost" };
        clustering.AcceptOnlyFromAmong("localhost", "redis");
        var redis = new Option<string?>("--redis") { Description = "Redis connection string for --clustering redis, e.g. 10.0.0.2:6379 or host:6379,password=..." };
        var address = new Option<string>("--address") { Description = "IP address this silo listens on and advertises to the cluster (loopback unless told otherwise)", DefaultValueFactory = _ => "127.0.0.1" };
        var siloPort = new Option<int>("--silo-port") { Description = "Port for silo-to-silo traffic", DefaultValueFactory = _ => 11111 };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port clients attach to", DefaultValueFactory = _ => 30000 };
        var primaryPort = new Option<int>("--primary-port") { Description = "localhost clustering: the silo port of the primary silo (the first one started)", DefaultValueFactory = _ => 11111 };
        var clusterId = new Option<string>("--cluster-id") { Description = "Cluster id: silos and clients with the same id form one cluster", DefaultValueFactory = _ => ClusterTarget.DefaultClusterId };
        var serviceId = new Option<string>("--service-id") { Description = "Service id", DefaultValueFactory = _ => ClusterTarget.DefaultServiceId };
        var dashboardPort = new Option<int>("--dashboard-port") { Description = "Port of the Orleans dashboard (0: no dashboard)", DefaultValueFactory = _ => 8080 };
        var advertise = new Option<string?>("--advertise") { Description = "Redis clustering: the address (and ports) other silos and clients reach this silo at, when not --address and its ports (a NAT or proxy in front): IP[:SILO_PORT[:GATEWAY_PORT]]" };
        var dashboardAddress = new Option<string>("--dashboard-address") { Description = "IP address the dashboard listens on (loopback unless told otherwise)", DefaultValueFactory = _ => "127.0.0.1" };

        var command = new Command("silo", "Run one silo of a cluster (several processes or machines) until stopped; clients attach with 'run --cluster'")
        {
            clustering, redis, address, siloPort, gatewayPort, primaryPort, clusterId, serviceId, dashboardPort, dashboardAddress, advertise,
        };
        command.SetAction(async (parse, cancel) =>
        {
            if (!IPAddress.TryParse(parse.GetValue(address), out var ip)) return Errors.BadInput($"--address '{parse.GetValue(address)}' is not an IP address");
            if (!IPAddress.TryParse(parse.GetValue(dashboardAddress), out var dip)) return Errors.BadInput($"--dashboard-address '{parse.GetValue(dashboardAddress)}' is not an IP address");
            IPEndPoint? advertised = null;
            var advertisedGateway = parse.GetValue(gatewayPort);
            if (parse.GetValue(advertise) is { Length: > 0 } a)
            {
                var parts = a.Split(':');
                if (parts.Length > 3 || !IPAddress.TryParse(parts[0], out var aip)
                    || parts.Skip(1).Any(p => !int.TryParse(p, out var n) || n is < 1 or > 65535))
                    return Errors.BadInput($"--advertise '{a}' is not IP[:SILO_PORT[:GATEWAY_PORT]] (e.g. 203.0.113.5:11111:30000)");
                advertised = new IPEndPoint(aip, parts.Length > 1 ? int.Parse(parts[1]) : parse.GetValue(siloPort));
                if (parts.Length > 2) advertisedGateway = int.Parse(parts[2]);
            }
            var settings = new SiloSettings(
                parse.GetValue(clustering) == "redis" ? Clustering.Redis : Clustering.Localhost,
                parse.GetValue(redis), ip, parse.GetValue(siloPort), parse.GetValue(gatewayPort), parse.GetValue(primaryPort),
                parse.GetValue(clusterId)!, parse.GetValue(serviceId)!, dip, parse.GetValue(dashboardPort), advertised, advertisedGateway);
            return await ExecuteAsync(settings, cancel);
        });
        return command;
    }

    public static async Task<int> ExecuteAsync(SiloSettings settings, CancellationToken cancel)
    {
        if (settings.Problem() is { } problem) return Errors.BadInput(problem);
        IHost host;
        try
        {
            SiloHost.ProbeSeconds();
            var tls = ClusterTls.FromEnvironment(required: settings.Clustering == Clustering.Redis);
            if (settings.Clustering == Clustering.Redis) await SiloHost.CheckRedisAsync(settings.Redis!, cancel);
            host = SiloHost.Build(settings, tls);
            await host.StartAsync(cancel);
        }
        catch (ClusterUnreachableException e)
        {
            return Errors.Failed($"the silo did not start: {e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Errors.Failed($"the silo did not start ({settings.DescribeClustering()}): {e.GetBaseException().Message}");
        }

        try
        {
            var dashboard = settings.Dashboard ? $", dashboard {SiloHost.DashboardUrl(settings)}" : "";
            if (Environment.GetEnvironmentVariable(ClusterTls.CertificateVariable) is { Length: > 0 }) dashboard += ", mutual TLS";
            // Scripts and tests wait for this line.
            if (settings.AdvertisedSilo is { } adv) dashboard += $", advertised as silo {adv}, gateway {adv.Address}:{settings.AdvertisedGatewayPort}";
            Console.WriteLine($"placesim silo ready: silo {settings.Address}:{settings.SiloPort}, gateway {settings.Address}:{settings.GatewayPort}, " +
                $"cluster {settings.ClusterId} ({settings.DescribeClustering()}){dashboard}. Stop with Ctrl+C.");
            Console.Out.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, cancel);
            }
            catch (OperationCanceledException)
            {
            }
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StopAsync(stop.Token);
            return ExitCodes.Ok;
        }
        finally
        {
            host.Dispose();
        }
    }
}
