using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Connections.Security;
using PlaceSimulation.Grains;
using StackExchange.Redis;

namespace PlaceSimulation.Cluster.Tests.Netns;

/// <summary>
/// Four machines in network namespaces (<see cref="NetworkLab"/>): Redis with a password on
/// "r" (10.77.N.1), a silo on "a" (.11) and on "b" (.12), and "c" (.21) for clients; mutual TLS
/// with one cluster certificate; each silo binds and advertises its own machine's address.
/// Shared by the tests of <see cref="NetnsTests"/>, which run one after another; each starts
/// with <see cref="HealthyAsync"/>, which plugs every cable back in and starts again whatever a
/// fault before it stopped. Every process is stopped by its own id, and every namespace removed,
/// also when a test fails.
/// </summary>
public sealed class NetnsCluster : IAsyncLifetime
{
    public const string RedisPassword = "netns-redis-secret";
    private const string CertificatePassword = "netns-pfx-secret";
    public const int SiloPort = 11111;
    public const int GatewayPort = 30000;
    public static readonly string[] SiloMachines = ["a", "b"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"placesim-netns-{Guid.NewGuid():N}");
    private readonly Dictionary<string, SiloProcess> _silos = [];
    private Process? _redis;
    private IHost? _admin;

    public NetworkLab Lab { get; private set; } = null!;
    public string ClusterId { get; } = $"netns-{Guid.NewGuid():N}";
    public string Certificate { get; private set; } = "";

    public IPAddress RedisAddress => Lab.Address(1);
    public string RedisConnection => $"{RedisAddress}:6379";
    public IPAddress SiloAddress(string machine) => Lab.Address(machine == "a" ? 11 : 12);
    public string Namespace(string machine) => $"{Lab.Prefix}{machine}";

    /// <summary>What every silo and client here is given: the certificate, the Redis password (never on a command line), fast failure detection.</summary>
    public Dictionary<string, string> Environment => new()
    {
        ["PLACESIM_TLS"] = "",
        ["PLACESIM_TLS_CERTIFICATE"] = Certificate,
        ["PLACESIM_TLS_PASSWORD"] = CertificatePassword,
        ["PLACESIM_REDIS_PASSWORD"] = RedisPassword,
        ["PLACESIM_PROBE_SECONDS"] = "3",
    };

    /// <summary>The client's options to reach this cluster (the password comes from the environment).</summary>
    public string[] Cluster => ["--cluster", $"redis:{RedisConnection}", "--cluster-id", ClusterId];

    public SiloProcess Silo(string machine) => _silos[machine];

    public async Task InitializeAsync()
    {
        if (NetworkLab.Unavailable is not null || RedisServer.Binary() is null) return;
        try
        {
            Directory.CreateDirectory(_folder);
            Certificate = TlsTests.MakeCertificate(_folder, "placesim-netns", CertificatePassword);
            Lab = new NetworkLab();
            Lab.AddMachine("r", 1);
            foreach (var m in SiloMachines) Lab.AddMachine(m, m == "a" ? 11 : 12);
            Lab.AddMachine("c", 21);
            await StartRedisAsync();
            foreach (var m in SiloMachines) StartSilo(m);
            await Task.WhenAll(_silos.Values.Select(s => s.WaitReadyAsync(ProcessFaults.Ready)));
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>redis-server on machine r, empty, with requirepass; ready when it answers a ping with the password.</summary>
    public async Task StartRedisAsync()
    {
        var info = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "netns", "exec", Namespace("r"), RedisServer.Binary()!, "--bind", $"{RedisAddress}", "--port", "6379",
                     "--requirepass", RedisPassword, "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "no" })
            info.ArgumentList.Add(a);
        _redis = Process.Start(info)!;
        _redis.BeginOutputReadLine();
        _redis.BeginErrorReadLine();
        AssertIsItself(_redis.Id, "redis-server");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var redis = await ConnectionMultiplexer.ConnectAsync($"{RedisConnection},password={RedisPassword},connectTimeout=2000");
                await redis.GetDatabase().PingAsync();
                return;
            }
            catch (RedisException) when (clock.Elapsed < TimeSpan.FromSeconds(20) && !_redis.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Stops Redis by its own id (SIGKILL: it keeps nothing, as a restart with no persistence would).</summary>
    public async Task KillRedisAsync()
    {
        if (_redis is null) return;
        if (!_redis.HasExited) _redis.Kill();
        await _redis.WaitForExitAsync();
        _redis.Dispose();
        _redis = null;
        // The admin client's connection to Redis would answer with the old table for a while.
        await DropAdminAsync();
    }

    public SiloProcess StartSilo(string machine)
    {
        var silo = new SiloProcess(Namespace(machine), Environment,
            "--clustering", "redis", "--redis", RedisConnection, "--cluster-id", ClusterId,
            "--address", $"{SiloAddress(machine)}", "--silo-port", $"{SiloPort}", "--gateway-port", $"{GatewayPort}", "--dashboard-port", "0");
        _silos[machine] = silo;
        AssertIsItself(silo.Id, "placesim.dll");
        return silo;
    }

    /// <summary>
    /// <c>ip netns exec</c> enters the namespace and execs, so the id we hold is the program's own
    /// (stopping it stops the program, not a wrapper): its command line names the program.
    /// </summary>
    public static void AssertIsItself(int pid, string program)
    {
        var clock = Stopwatch.StartNew();
        string cmdline;
        do
        {
            try
            {
                cmdline = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            }
            catch (IOException)
            {
                return; // gone already: nothing of it left to stop
            }
            if (cmdline.Contains(program, StringComparison.Ordinal) && !cmdline.StartsWith("ip ", StringComparison.Ordinal)) return;
            Thread.Sleep(20);
        } while (clock.Elapsed < TimeSpan.FromSeconds(5));
        throw new InvalidOperationException($"process {pid} is not {program} itself but: {cmdline}");
    }

    /// <summary>Every cable in, Redis up, both silos up and active in the cluster: whatever fault came before is undone.</summary>
    public async Task HealthyAsync()
    {
        Lab.RestoreAll();
        if (_redis is null || _redis.HasExited) await StartRedisAsync();
        foreach (var m in SiloMachines)
        {
            if (_silos[m].HasExited)
            {
                await _silos[m].DisposeAsync();
                StartSilo(m);
            }
        }
        await Task.WhenAll(_silos.Values.Select(s => s.WaitReadyAsync(ProcessFaults.Ready)));
        var clock = Stopwatch.StartNew();
        int active;
        while ((active = await ActiveSilosAsync()) != SiloMachines.Length)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(90)) throw new TimeoutException($"{active} silo(s) active, not {SiloMachines.Length}, after 90 s");
            await Task.Delay(1000);
        }
    }

    /// <summary>An Orleans client in the test process (on the lab network through its own veth), with the cluster's certificate.</summary>
    private async Task<IClusterClient> AdminAsync()
    {
        if (_admin is null)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            var options = ConfigurationOptions.Parse($"{RedisConnection},password={RedisPassword}");
            var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(Certificate, CertificatePassword);
            builder.UseOrleansClient(c =>
            {
                c.UseRedisClustering(o => o.ConfigurationOptions = options);
                c.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = ClusterId;
                    o.ServiceId = "placesim";
                });
                c.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(3));
                c.UseTls(certificate, o =>
                {
                    o.LocalCertificate = certificate;
                    o.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
                    o.RemoteCertificateValidation = (remote, _, _) => remote is not null && remote.Thumbprint == certificate.Thumbprint;
                });
            });
            var host = builder.Build();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await host.StartAsync(cts.Token);
            _admin = host;
        }
        return _admin.Services.GetRequiredService<IClusterClient>();
    }

    private async Task DropAdminAsync()
    {
        if (_admin is null) return;
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _admin.StopAsync(cts.Token);
        }
        catch (Exception)
        {
        }
        _admin.Dispose();
        _admin = null;
    }

    /// <summary>Asks the cluster something; a failed ask drops the client so the next one connects afresh (a silo may have gone).</summary>
    private async Task<T> AskAsync<T>(Func<IClusterClient, Task<T>> ask)
    {
        try
        {
            return await ask(await AdminAsync()).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception)
        {
            await DropAdminAsync();
            throw;
        }
    }

    public async Task<int> ActiveSilosAsync()
    {
        try
        {
            return await AskAsync(async c => (await c.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count);
        }
        catch (Exception)
        {
            return -1;
        }
    }

    /// <summary>The runs the cluster's run registry lists, and the activations of job grains (place, household block, service) it holds.</summary>
    public Task<(int Runs, int JobActivations)> RunsAndJobGrainsAsync() => AskAsync(async c =>
    {
        var runs = await c.GetGrain<IRunRegistryGrain>(ClusterDefaults.RunRegistryKey).List();
        var stats = await c.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return (runs.Count, stats.Where(s => s.GrainType.Contains("PlaceGrain") || s.GrainType.Contains("HouseholdBlockGrain") || s.GrainType.Contains("ServiceGrain"))
            .Sum(s => s.ActivationCount));
    });

    /// <summary>A client run on machine c.</summary>
    public RunProcess Run(string outDir, string[] scenario)
    {
        var run = new RunProcess(Namespace("c"), Environment, "run", outDir, [.. scenario, .. Cluster]);
        AssertIsItself(run.Id, "placesim.dll");
        return run;
    }

    public async Task DisposeAsync()
    {
        try
        {
            await DropAdminAsync();
            foreach (var s in _silos.Values) await s.DisposeAsync();
            _silos.Clear();
            await KillRedisAsync();
        }
        finally
        {
            Lab?.Dispose();
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }
    }
}
