using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Dashboard;
using PlaceSimulation.Grains;
using StackExchange.Redis;

namespace PlaceSimulation.Cli.Hosting;

/// <summary>How <c>placesim silo</c> joins a cluster.</summary>
public enum Clustering { Localhost, Redis }

/// <summary>Everything <c>placesim silo</c> is told on its command line.</summary>
public sealed record SiloSettings(
    Clustering Clustering,
    string? Redis,
    IPAddress Address,
    int SiloPort,
    int GatewayPort,
    int PrimaryPort,
    string ClusterId,
    string ServiceId,
    IPAddress DashboardAddress,
    int DashboardPort)
{
    public bool Dashboard => DashboardPort > 0;

    /// <summary>What is wrong with the settings, or null.</summary>
    public string? Problem()
    {
        if (Clustering == Clustering.Redis && string.IsNullOrWhiteSpace(Redis))
            return "--clustering redis needs --redis CONNECTION_STRING (e.g. --redis 10.0.0.2:6379)";
        if (Clustering == Clustering.Localhost && !IPAddress.IsLoopback(Address))
            return "localhost clustering keeps every silo on this machine (loopback only); use --clustering redis for several machines";
        if (Address.Equals(IPAddress.Any) || Address.Equals(IPAddress.IPv6Any))
            return $"--address {Address} is not an address other silos can reach: give this machine's own address (e.g. 10.0.0.11)";
        if (SiloPort == GatewayPort) return $"--silo-port and --gateway-port are both {SiloPort}: they must differ";
        return null;
    }

    public string DescribeClustering() => Clustering == Clustering.Localhost
        ? $"localhost clustering, primary silo 127.0.0.1:{PrimaryPort}"
        : $"redis clustering at {ClusterTarget.Redact(Redis!)}";
}

/// <summary>
/// A silo process (<c>placesim silo</c>): hosts PlaceSimulation's grains in a cluster of
/// several processes or machines, with the Orleans dashboard beside it.
/// </summary>
public static class SiloHost
{
    /// <summary>Fails fast, with a clear message, when the membership store cannot be reached.</summary>
    public static async Task CheckRedisAsync(string connection, CancellationToken cancel)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(connection);
        }
        catch (Exception e)
        {
            throw new ClusterUnreachableException($"'{ClusterTarget.Redact(connection)}' is not a Redis connection string: {e.Message}");
        }
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 5000);
        options.ConnectRetry = 1;
        try
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
            await redis.GetDatabase().PingAsync().WaitAsync(cancel);
        }
        catch (RedisConnectionException e)
        {
            throw new ClusterUnreachableException($"cannot reach Redis at {ClusterTarget.Redact(connection)} ({e.FailureType}): is redis-server running there, and is the address right?");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new ClusterUnreachableException($"cannot reach Redis at {ClusterTarget.Redact(connection)}: {e.Message}");
        }
    }

    public static IHost Build(SiloSettings s)
    {
        IHostApplicationBuilder builder;
        WebApplicationBuilder? web = null;
        if (s.Dashboard)
        {
            web = WebApplication.CreateBuilder();
            web.WebHost.ConfigureKestrel(k => k.Listen(s.DashboardAddress, s.DashboardPort));
            builder = web;
        }
        else builder = Host.CreateApplicationBuilder();

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Start-up notes (server GC advice, a first watchdog tick) are not problems here.
        builder.Logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        builder.UseOrleans(silo =>
        {
            if (s.Clustering == Clustering.Localhost)
            {
                silo.UseLocalhostClustering(s.SiloPort, s.GatewayPort,
                    new IPEndPoint(IPAddress.Loopback, s.PrimaryPort), s.ServiceId, s.ClusterId);
            }
            else
            {
                silo.UseRedisClustering(s.Redis!);
                silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = s.ClusterId;
                    o.ServiceId = s.ServiceId;
                });
                silo.ConfigureEndpoints(s.Address, s.SiloPort, s.GatewayPort);
            }
            SiloDefaults.Apply(silo);
            if (s.Dashboard) silo.AddDashboard();
        });

        if (web is null) return ((HostApplicationBuilder)builder).Build();
        var app = web.Build();
        app.MapOrleansDashboard();
        return app;
    }

    public static string DashboardUrl(SiloSettings s) =>
        $"http://{new IPEndPoint(s.DashboardAddress, s.DashboardPort)}/";
}
