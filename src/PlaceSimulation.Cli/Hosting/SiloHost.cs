using Microsoft.Extensions.DependencyInjection;
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
    int DashboardPort,
    IPEndPoint? AdvertisedSilo = null,
    int AdvertisedGatewayPort = 0)
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
        if (AdvertisedSilo is not null && Clustering != Clustering.Redis)
            return "--advertise is for --clustering redis (silos on several machines)";
        if (SiloPort == GatewayPort) return $"--silo-port and --gateway-port are both {SiloPort}: they must differ";
        if (!IPAddress.IsLoopback(Address) && !LocalAddresses().Contains(Address))
            return $"--address {Address} is not an address of this machine: give one of its own ({string.Join(", ", LocalAddresses().Where(a => !IPAddress.IsLoopback(a)).Select(a => a.ToString()).DefaultIfEmpty("none but loopback"))})";
        // The Orleans dashboard has no authentication of its own: it shows every grain and silo, so it stays on loopback
        // (reach it from elsewhere through an SSH tunnel: ssh -L 8080:127.0.0.1:8080 host).
        if (Dashboard && !IPAddress.IsLoopback(DashboardAddress))
            return $"--dashboard-address {DashboardAddress} would show the cluster to anyone who can reach it, and the dashboard has no authentication: keep it on loopback and reach it through an SSH tunnel (ssh -L {DashboardPort}:127.0.0.1:{DashboardPort} this-machine), or give --dashboard-port 0";
        return null;
    }

    /// <summary>The addresses of this machine's network interfaces.</summary>
    public static IReadOnlyList<IPAddress> LocalAddresses() =>
        System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses.Select(u => u.Address)).ToList();

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
        var options = RedisConnection.Options(connection);
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 5000);
        options.ConnectRetry = 1;
        try
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
            await redis.GetDatabase().PingAsync().WaitAsync(cancel);
        }
        catch (RedisConnectionException e) when (e.FailureType == ConnectionFailureType.AuthenticationFailure || IsAuthentication(e))
        {
            throw new ClusterUnreachableException($"Redis at {ClusterTarget.Redact(connection)} refused the password: authentication failed (give it in the connection string's password=, or in {RedisConnection.PasswordVariable} or the file named by {RedisConnection.PasswordFileVariable})");
        }
        catch (RedisServerException e) when (IsAuthentication(e))
        {
            throw new ClusterUnreachableException($"Redis at {ClusterTarget.Redact(connection)} refused the password: authentication failed (give it in the connection string's password=, or in {RedisConnection.PasswordVariable} or the file named by {RedisConnection.PasswordFileVariable})");
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

    /// <summary>Redis's answers to a missing or wrong password (NOAUTH, WRONGPASS, "invalid password"), anywhere in the exception.</summary>
    private static bool IsAuthentication(Exception e) =>
        e.ToString() is var text && (text.Contains("NOAUTH", StringComparison.Ordinal) || text.Contains("WRONGPASS", StringComparison.Ordinal)
            || text.Contains("AuthenticationFailure", StringComparison.Ordinal) || text.Contains("invalid password", StringComparison.OrdinalIgnoreCase));

    public static IHost Build(SiloSettings s, ClusterTls? tls = null)
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
                silo.UseRedisClustering(o => o.ConfigurationOptions = RedisConnection.Options(s.Redis!));
                silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = s.ClusterId;
                    o.ServiceId = s.ServiceId;
                });
                if (s.AdvertisedSilo is { } advertised)
                {
                    // Listen on this machine's address, tell the cluster another (a NAT or a proxy in front of this silo).
                    silo.Configure<EndpointOptions>(o =>
                    {
                        o.AdvertisedIPAddress = advertised.Address;
                        o.SiloPort = advertised.Port;
                        o.GatewayPort = s.AdvertisedGatewayPort;
                        o.SiloListeningEndpoint = new IPEndPoint(s.Address, s.SiloPort);
                        o.GatewayListeningEndpoint = new IPEndPoint(s.Address, s.GatewayPort);
                    });
                }
                else silo.ConfigureEndpoints(s.Address, s.SiloPort, s.GatewayPort);
            }
            if (ProbeSeconds() is { } probe)
            {
                // Failure detection in seconds rather than Orleans' default (about 15-30 s to declare a silo dead,
                // 60 s between full reads of the table): for tests, and operators who would rather wait less.
                silo.Configure<ClusterMembershipOptions>(o =>
                {
                    o.ProbeTimeout = probe;
                    o.TableRefreshTimeout = probe;
                    o.IAmAliveTablePublishTimeout = probe * 2;
                    o.DeathVoteExpirationTimeout = probe * 4;
                });
            }
            SiloDefaults.Apply(silo);
            if (tls is not null) silo.UseTls(tls.Certificate, tls.Configure);
            if (s.Dashboard) silo.AddDashboard();
        });
        if (s.Clustering == Clustering.Redis) builder.Services.AddHostedService<MembershipWatch>();
        SiloFatalHandler.Replace(builder.Services);

        if (web is null) return ((HostApplicationBuilder)builder).Build();
        var app = web.Build();
        app.MapOrleansDashboard();
        return app;
    }

    /// <summary>Environment variable: Orleans' membership probe timeout and table refresh, in seconds (unset: Orleans' defaults).</summary>
    public const string ProbeVariable = "PLACESIM_PROBE_SECONDS";

    /// <summary>The probe period from <see cref="ProbeVariable"/>, or null (Orleans' defaults); throws with one sentence when it is not a number of seconds from 1 to 60.</summary>
    public static TimeSpan? ProbeSeconds()
    {
        if (Environment.GetEnvironmentVariable(ProbeVariable) is not { Length: > 0 } text) return null;
        if (!int.TryParse(text, out var seconds) || seconds is < 1 or > 60)
            throw new ClusterUnreachableException($"{ProbeVariable}='{text}' is not a whole number of seconds from 1 to 60");
        return TimeSpan.FromSeconds(seconds);
    }

    public static string DashboardUrl(SiloSettings s) =>
        $"http://{new IPEndPoint(s.DashboardAddress, s.DashboardPort)}/";
}
