using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using PlaceSimulation.Grains;

namespace PlaceSimulation.Cli.Hosting;

/// <summary>
/// A running cluster to attach to as a client: <c>localhost:PORT[,PORT...]</c> (the gateway
/// ports of silos on this machine, started with <c>placesim silo --clustering localhost</c>) or
/// <c>redis:CONNECTION</c> (silos anywhere that share a Redis membership table).
/// </summary>
public abstract partial record ClusterTarget(string ClusterId, string ServiceId)
{
    public const string DefaultClusterId = ClusterDefaults.ClusterId;
    public const string DefaultServiceId = ClusterDefaults.ServiceId;

    /// <summary>Reads a --cluster value; throws <see cref="FormatException"/> with a message that says what was expected.</summary>
    public static ClusterTarget Parse(string text, string clusterId = DefaultClusterId, string serviceId = DefaultServiceId)
    {
        const string expected = "expected localhost:GATEWAY_PORT[,GATEWAY_PORT...] or redis:CONNECTION_STRING";
        var colon = text.IndexOf(':');
        if (colon < 0) throw new FormatException($"'{text}': {expected}");
        var kind = text[..colon];
        var rest = text[(colon + 1)..];
        switch (kind)
        {
            case "localhost":
                var ports = rest.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (ports.Length == 0 || !ports.All(p => int.TryParse(p, out var n) && n is > 0 and < 65536))
                    throw new FormatException($"'{text}': gateway ports must be numbers from 1 to 65535; {expected}");
                return new LocalhostCluster(ports.Select(int.Parse).ToArray(), clusterId, serviceId);
            case "redis":
                if (string.IsNullOrWhiteSpace(rest)) throw new FormatException($"'{text}': no Redis connection string; {expected}");
                return new RedisCluster(rest, clusterId, serviceId);
            default:
                throw new FormatException($"'{text}': unknown clustering '{kind}'; {expected}");
        }
    }

    /// <summary>How the manifest and the terminal name the cluster (passwords left out).</summary>
    public abstract string Describe();

    protected abstract void UseClustering(IClientBuilder client);

    /// <summary>Checks what can be checked before connecting; throws <see cref="ClusterUnreachableException"/> with the reason.</summary>
    public virtual Task CheckAsync(CancellationToken cancel) => Task.CompletedTask;

    /// <summary>A better reason than "unable to connect" for a failed connection, when one can be found.</summary>
    public virtual Task<string?> ExplainAsync(CancellationToken cancel) => Task.FromResult<string?>(null);

    /// <summary>Connects a client; throws <see cref="ClusterUnreachableException"/> if no gateway answers.</summary>
    public async Task<IHost> ConnectAsync(CancellationToken cancel)
    {
        await CheckAsync(cancel);
        var tls = ClusterTls.FromEnvironment(required: this is RedisCluster);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        builder.UseOrleansClient(client =>
        {
            UseClustering(client);
            if (tls is not null) client.UseTls(tls.Certificate, tls.Configure);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterId;
                o.ServiceId = ServiceId;
            });
            // A few tries a second apart (silos still starting), then give up with the reason.
            var attempts = 0;
            client.UseConnectionRetryFilter(async (_, token) =>
            {
                if (++attempts > 10) return false;
                await Task.Delay(TimeSpan.FromSeconds(1), token);
                return true;
            });
        });
        var host = builder.Build();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            await host.StartAsync(timeout.Token);
            return host;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            host.Dispose();
            if (await ExplainAsync(cancel) is { } reason) throw new ClusterUnreachableException($"cannot attach to the cluster: {reason}");
            throw new ClusterUnreachableException($"cannot attach to the cluster ({Describe()}): {e.GetBaseException().Message} (are its silos running, and is --cluster-id '{ClusterId}' theirs?)");
        }
    }

    /// <summary>The silos that are active now, by asking the cluster's management grain.</summary>
    public static async Task<int> ActiveSilosAsync(IClusterClient client) =>
        (await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;

    /// <summary>A Redis connection string (or a command line) without its user name and password, for display.</summary>
    public static string Redact(string connection) => Reports.Files.Redaction.Redact(connection);
}

public sealed record LocalhostCluster(int[] GatewayPorts, string ClusterId, string ServiceId) : ClusterTarget(ClusterId, ServiceId)
{
    public override string Describe() => $"localhost clustering, gateways {string.Join(",", GatewayPorts)}, cluster {ClusterId}";

    protected override void UseClustering(IClientBuilder client) =>
        client.UseLocalhostClustering(GatewayPorts, ServiceId, ClusterId);
}

public sealed record RedisCluster(string Connection, string ClusterId, string ServiceId) : ClusterTarget(ClusterId, ServiceId)
{
    public override string Describe() => $"redis clustering at {Redact(Connection)}, cluster {ClusterId}";

    protected override void UseClustering(IClientBuilder client) =>
        client.UseRedisClustering(o => o.ConfigurationOptions = RedisConnection.Options(Connection));

    /// <summary>Before connecting: Redis answers, and takes the password ("authentication failed" otherwise).</summary>
    public override Task CheckAsync(CancellationToken cancel) => SiloHost.CheckRedisAsync(Connection, cancel);

    /// <summary>After a failed connection: a wrong cluster id says so, naming the clusters Redis does hold.</summary>
    public override async Task<string?> ExplainAsync(CancellationToken cancel) =>
        await RedisConnection.ClustersAsync(Connection, ServiceId, cancel) is { Count: > 0 } clusters && !clusters.Contains(ClusterId)
            ? $"no cluster '{ClusterId}' is registered in Redis at {Redact(Connection)}: the clusters there are {string.Join(", ", clusters.Order().Select(c => $"'{c}'"))}; is --cluster-id right?"
            : null;
}

public sealed class ClusterUnreachableException(string message) : Exception(message);
