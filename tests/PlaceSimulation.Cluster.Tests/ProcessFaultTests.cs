using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using static PlaceSimulation.Cluster.Tests.ProcessFaults;

namespace PlaceSimulation.Cluster.Tests;

/// <summary>The timeseries of the fault tests' scenario on an embedded silo with no fault: what every faulted run must write.</summary>
public sealed class EmbeddedReference : IAsyncLifetime
{
    /// <summary>96 jobs (4 arms × 8 replications × 3 places) of 1,000 households: many more jobs than run at once, so a fault lands mid-run.</summary>
    public static readonly string[] Scenario =
        [Repository.Scenario("offset.yaml"), "--households", "3000", "--replications", "8", "--months", "36"];

    // One run for the whole test assembly: the fault test classes run side by side (each class
    // is its own xunit collection) and all compare with the same bytes.
    private static readonly Lazy<Task<byte[]>> Shared = new(RunOnceAsync);

    public byte[] Timeseries { get; private set; } = [];

    public async Task InitializeAsync() => Timeseries = await Shared.Value;

    private static async Task<byte[]> RunOnceAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"placesim-ref-{Guid.NewGuid():N}");
        try
        {
            var (code, _, err) = await Placesim.RunAsync(TimeSpan.FromMinutes(3), ["run", .. Scenario, "--out", dir]);
            Assert.True(code == 0, err);
            return await File.ReadAllBytesAsync(Path.Combine(dir, "timeseries.csv"));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Faults in real processes: a silo killed with SIGKILL mid-run (localhost clustering, and
/// Redis membership), the client killed mid-run, the run process killed and resumed. Each run
/// that finishes writes the timeseries of a run with no fault, byte for byte. The tests are
/// split over the classes below so that xunit runs them side by side (a class is a collection):
/// most of their time is waiting for processes, membership and grain release, not CPU.
/// </summary>
public static class ProcessFaults
{
    internal static readonly TimeSpan Ready = TimeSpan.FromSeconds(90);
    internal static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(5);

    internal static string NewDir() => Path.Combine(Path.GetTempPath(), $"placesim-fault-{Guid.NewGuid():N}");

    internal static void Remove(string dir)
    {
        foreach (var d in new[] { dir, Path.Combine(Path.GetDirectoryName(dir)!, $".{Path.GetFileName(dir)}.journal") })
            if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
    }

    /// <summary>Three localhost-clustering silos; the first holds the membership (the primary).</summary>
    internal static (SiloProcess[] Silos, int[] Gateways) LocalhostCluster(string clusterId, int count)
    {
        var primary = Placesim.FreePort();
        var gateways = new int[count];
        var silos = new SiloProcess[count];
        for (var i = 0; i < count; i++)
        {
            gateways[i] = Placesim.FreePort();
            silos[i] = new SiloProcess("--silo-port", $"{(i == 0 ? primary : Placesim.FreePort())}", "--gateway-port", $"{gateways[i]}",
                "--primary-port", $"{primary}", "--cluster-id", clusterId, "--dashboard-port", "0");
        }
        return (silos, gateways);
    }

    internal static async Task<int> RunThroughAFault(string outDir, string[] cluster, Func<Task> fault)
    {
        await using var run = new RunProcess(outDir, [.. EmbeddedReference.Scenario, .. cluster]);
        await run.WaitForJobsAsync(1, RunLimit);
        await fault();
        var code = await run.WaitForExitAsync(RunLimit);
        Assert.True(code == 0, $"exit {code}:\n{run.Err}");
        Assert.Contains("were run again", run.Out + run.Err);
        Assert.True(Manifest(outDir, "attempts_rerun") > 0, "the manifest records the attempts run again");
        return code;
    }

    internal static int Manifest(string outDir, string field)
    {
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json")));
        return manifest.RootElement.GetProperty(field).GetInt32();
    }

    /// <summary>Activations of PlaceSimulation's grains in the cluster now, asked of its management grain.</summary>
    internal static async Task<int> JobActivationsAsync(int[] gateways, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(c => c.UseLocalhostClustering(gateways, "placesim", clusterId));
        using var host = builder.Build();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StartAsync(cts.Token);
        try
        {
            var stats = await host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
            return stats.Where(s => s.GrainType.Contains("PlaceGrain") || s.GrainType.Contains("HouseholdBlockGrain") || s.GrainType.Contains("ServiceGrain"))
                .Sum(s => s.ActivationCount);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}

/// <summary>A silo killed with SIGKILL mid-run, on localhost clustering and on Redis membership: the run finishes with the same bytes.</summary>
public class SiloKilledTests(EmbeddedReference reference, RedisServer redis) : IClassFixture<EmbeddedReference>, IClassFixture<RedisServer>
{
    [Fact]
    public async Task A_non_primary_silo_killed_mid_run_on_localhost_clustering_changes_no_byte()
    {
        var clusterId = $"test-{Guid.NewGuid():N}";
        var (silos, gateways) = LocalhostCluster(clusterId, 3);
        var outDir = NewDir();
        try
        {
            await Task.WhenAll(silos.Select(s => s.WaitReadyAsync(Ready)));

            await RunThroughAFault(outDir, ["--cluster", $"localhost:{string.Join(",", gateways)}", "--cluster-id", clusterId],
                () => silos[2].KillAsync());

            Assert.Equal(reference.Timeseries, await File.ReadAllBytesAsync(Path.Combine(outDir, "timeseries.csv")));
            Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(outDir)!, $".{Path.GetFileName(outDir)}.journal")), "the journal goes once the outputs are written");
        }
        finally
        {
            foreach (var s in silos) await s.DisposeAsync();
            Remove(outDir);
        }
    }

    [RedisFact]
    public async Task Any_silo_killed_mid_run_on_Redis_membership_changes_no_byte()
    {
        var clusterId = $"test-{Guid.NewGuid():N}";
        var silos = Enumerable.Range(0, 3).Select(_ => new SiloProcess("--clustering", "redis", "--redis", redis.Connection, "--cluster-id", clusterId,
            "--silo-port", $"{Placesim.FreePort()}", "--gateway-port", $"{Placesim.FreePort()}", "--dashboard-port", "0")).ToArray();
        var outDir = NewDir();
        try
        {
            await Task.WhenAll(silos.Select(s => s.WaitReadyAsync(Ready)));

            // On Redis no silo is special: kill the first one started.
            await RunThroughAFault(outDir, ["--cluster", $"redis:{redis.Connection}", "--cluster-id", clusterId], () => silos[0].KillAsync());

            Assert.Equal(reference.Timeseries, await File.ReadAllBytesAsync(Path.Combine(outDir, "timeseries.csv")));
        }
        finally
        {
            foreach (var s in silos) await s.DisposeAsync();
            Remove(outDir);
        }
    }

}

/// <summary>The client killed mid-run: the cluster releases the run's grains by itself and runs the next run.</summary>
public class ClientKilledTests(EmbeddedReference reference) : IClassFixture<EmbeddedReference>
{
    [Fact]
    public async Task A_client_killed_mid_run_leaves_no_grain_behind_and_the_cluster_runs_the_next_run()
    {
        var clusterId = $"test-{Guid.NewGuid():N}";
        var (silos, gateways) = LocalhostCluster(clusterId, 2);
        var cluster = new[] { "--cluster", $"localhost:{string.Join(",", gateways)}", "--cluster-id", clusterId };
        var killedDir = NewDir();
        var outDir = NewDir();
        try
        {
            await Task.WhenAll(silos.Select(s => s.WaitReadyAsync(Ready)));
            await using (var killed = new RunProcess(killedDir, [.. EmbeddedReference.Scenario, .. cluster]))
            {
                await killed.WaitForJobsAsync(1, RunLimit);
                await killed.KillAsync();
            }

            // The cluster notices nobody drives the run and releases its grains (SiloDefaults.IdleRelease).
            var clock = Stopwatch.StartNew();
            int left;
            while ((left = await JobActivationsAsync(gateways, clusterId)) > 0 && clock.Elapsed < TimeSpan.FromSeconds(120))
                await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.True(left == 0, $"{left} grain activations of the killed run are still there after {clock.Elapsed.TotalSeconds:F0} s");

            var (code, _, err) = await Placesim.RunAsync(RunLimit, ["run", .. EmbeddedReference.Scenario, "--out", outDir, .. cluster]);
            Assert.True(code == 0, err);
            Assert.Equal(reference.Timeseries, await File.ReadAllBytesAsync(Path.Combine(outDir, "timeseries.csv")));
        }
        finally
        {
            foreach (var s in silos) await s.DisposeAsync();
            Remove(killedDir);
            Remove(outDir);
        }
    }

}

/// <summary>The run process killed or stopped mid-run, then resumed; a resume with other options refused.</summary>
public class RunKilledTests(EmbeddedReference reference) : IClassFixture<EmbeddedReference>
{
    [Fact]
    public async Task A_run_process_killed_mid_run_resumes_to_the_same_bytes()
    {
        var outDir = NewDir();
        try
        {
            await using (var killed = new RunProcess(outDir, EmbeddedReference.Scenario))
            {
                await killed.WaitForJobsAsync(1, RunLimit);
                await killed.KillAsync();
            }
            Assert.False(Directory.Exists(outDir), "a killed run writes no output folder");

            var (code, stdout, err) = await Placesim.RunAsync(RunLimit, ["run", .. EmbeddedReference.Scenario, "--resume", outDir]);

            Assert.True(code == 0, err);
            Assert.Contains("Resumed:", stdout);
            Assert.True(Manifest(outDir, "jobs_resumed") > 0, "the manifest records the jobs taken from the interrupted run");
            Assert.Equal(reference.Timeseries, await File.ReadAllBytesAsync(Path.Combine(outDir, "timeseries.csv")));
        }
        finally
        {
            Remove(outDir);
        }
    }

    [Fact]
    public async Task A_run_stopped_with_SIGTERM_says_so_in_one_line_exits_130_and_can_be_resumed()
    {
        var outDir = NewDir();
        try
        {
            await using (var stopped = new RunProcess(outDir, EmbeddedReference.Scenario))
            {
                await stopped.WaitForJobsAsync(1, RunLimit);
                Assert.Equal(130, await stopped.TerminateAsync());
                var err = stopped.Err.Trim();
                Assert.StartsWith("interrupted: nothing was written.", err);
                Assert.Contains("--resume", err);
                Assert.DoesNotContain("\n", err);
            }
            Assert.False(Directory.Exists(outDir), "an interrupted run writes no output folder");

            var (code, _, resumeErr) = await Placesim.RunAsync(RunLimit, ["run", .. EmbeddedReference.Scenario, "--resume", outDir]);
            Assert.True(code == 0, resumeErr);
            Assert.Equal(reference.Timeseries, await File.ReadAllBytesAsync(Path.Combine(outDir, "timeseries.csv")));
        }
        finally
        {
            Remove(outDir);
        }
    }

    [Fact]
    public async Task Resuming_with_other_options_is_refused_and_runs_nothing()
    {
        var outDir = NewDir();
        try
        {
            await using (var killed = new RunProcess(outDir, EmbeddedReference.Scenario))
            {
                await killed.WaitForJobsAsync(1, RunLimit);
                await killed.KillAsync();
            }

            var (code, _, err) = await Placesim.RunAsync(RunLimit, ["run", .. EmbeddedReference.Scenario, "--seed", "7", "--resume", outDir]);

            Assert.Equal(2, code);
            Assert.Contains("the interrupted run there was of another scenario or other options", err);
            Assert.False(Directory.Exists(outDir));
        }
        finally
        {
            Remove(outDir);
        }
    }

}

/// <summary>A sweep killed mid-run and resumed.</summary>
public class SweepKilledTests
{
    [Fact]
    public async Task A_sweep_killed_mid_run_resumes_to_the_same_bytes()
    {
        string[] sweep = [Repository.Scenario("sweep-destitution.yaml"), "--samples", "16", "--households", "300", "--months", "12", "--replications", "1"];
        var reference = NewDir();
        var outDir = NewDir();
        try
        {
            var (code, _, err) = await Placesim.RunAsync(RunLimit, ["sweep", .. sweep, "--out", reference]);
            Assert.True(code == 0, err);
            await using (var killed = new RunProcess("sweep", outDir, sweep))
            {
                await killed.WaitForJobsAsync(3, RunLimit);
                await killed.KillAsync();
            }
            Assert.False(Directory.Exists(outDir), "a killed sweep writes no output folder");

            var (resumed, stdout, resumeErr) = await Placesim.RunAsync(RunLimit, ["sweep", .. sweep, "--out", outDir, "--resume"]);

            Assert.True(resumed == 0, resumeErr);
            Assert.Contains("Resumed:", stdout);
            foreach (var file in new[] { "sweep.csv", "sensitivity.csv", "sweep.parquet", "charts/tornado-destitution-rate.csv" })
                Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(reference, file)), await File.ReadAllBytesAsync(Path.Combine(outDir, file)));
        }
        finally
        {
            Remove(reference);
            Remove(outDir);
        }
    }

}
