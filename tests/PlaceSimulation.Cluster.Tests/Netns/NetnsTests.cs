using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

using static PlaceSimulation.Cluster.Tests.ProcessFaults;

namespace PlaceSimulation.Cluster.Tests.Netns;

/// <summary>
/// A cluster across machines, for real: Redis with a password, two silos and a client, each in
/// a network namespace of its own with its own address, TLS between them (<see cref="NetnsCluster"/>).
/// Faults as a partition would bring them: a silo's cable cut, the client's, Redis's; Redis
/// restarted empty; latency between silos. Each run that finishes writes the embedded run's
/// timeseries byte for byte. Skipped where namespaces cannot be made (not root); CI runs as root.
/// The tests are in two classes, each with a cluster of its own, so that their waits (on
/// membership, grain release, an outage of 30 s) overlap; a class's tests run one after another.
/// </summary>
public abstract class NetnsTestBase(NetnsCluster cluster, EmbeddedReference reference, ITestOutputHelper output)
{
    protected NetnsCluster Cluster => cluster;

    protected EmbeddedReference Reference => reference;

    protected ITestOutputHelper Output => output;

    protected static readonly string[] Small = [Repository.Scenario("offset.yaml"), "--households", "600", "--replications", "2", "--months", "36"];

    protected static byte[] Timeseries(string outDir) => File.ReadAllBytes(Path.Combine(outDir, "timeseries.csv"));

    protected string Logs => string.Join("\n", NetnsCluster.SiloMachines.Select(m => $"--- silo {m}:\n{cluster.Silo(m).Log}"));

    /// <summary>
    /// A silo that stops on its own says why in one sentence (its only "error:" line) with no stack
    /// trace after it; before it, while cut off, it may have logged Orleans' own warnings.
    /// </summary>
    protected static string AssertLastWord(string log, string sentence)
    {
        var lines = log.Split('\n');
        var said = Array.FindIndex(lines, l => l.StartsWith(sentence, StringComparison.Ordinal));
        Assert.True(said >= 0, $"the silo did not say '{sentence}':\n{log}");
        Assert.Single(lines, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.DoesNotContain(lines.Skip(said), l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        return lines[said];
    }

    protected Task<(int Code, string Err)> RunInAsync(string machine, IDictionary<string, string> env, string[] args) =>
        Placesim.RunToEndAsync(Cluster.Namespace(machine), env, args, TimeSpan.FromMinutes(1));

    protected Dictionary<string, (long Bytes, long Packets)> Traffic() =>
        new[] { "a", "b", "c", "r" }.ToDictionary(m => m, Cluster.Lab.Traffic);

    /// <summary>
    /// Bytes per household-month between the silos and between the client and the cluster, from
    /// the cables' counters: each cable carries its machine's traffic both ways, so what went
    /// between a and b is counted on both of theirs, and (a + b - c - r) / 2 is the silo-to-silo
    /// part (Redis's own traffic with the client, a few kB, is left in).
    /// </summary>
    protected void Report(string what, TimeSpan took, Dictionary<string, (long Bytes, long Packets)> before, Dictionary<string, (long Bytes, long Packets)> after, double householdMonths)
    {
        long D(string m) => after[m].Bytes - before[m].Bytes;
        long P(string m) => after[m].Packets - before[m].Packets;
        var silos = (D("a") + D("b") - D("c") - D("r")) / 2;
        var silosPackets = (P("a") + P("b") - P("c") - P("r")) / 2;
        Output.WriteLine($"{what}: {took.TotalSeconds:F1} s; bytes a {D("a"):N0}, b {D("b"):N0}, client {D("c"):N0}, redis {D("r"):N0}; " +
            $"between silos {silos:N0} B ({silosPackets:N0} packets) = {silos / householdMonths:F1} B per household-month; " +
            $"client and cluster {D("c"):N0} B ({P("c"):N0} packets) = {D("c") / householdMonths:F2} B per household-month ({householdMonths:N0} household-months, burn-in included)");
    }
}

/// <summary>The cluster serves, a silo is cut off and comes back, latency between silos, bad settings.</summary>
public class NetnsTests(NetnsCluster cluster, EmbeddedReference reference, ITestOutputHelper output)
    : NetnsTestBase(cluster, reference, output), IClassFixture<NetnsCluster>, IClassFixture<EmbeddedReference>
{
    [NetnsFact]
    public async Task Two_silos_Redis_and_a_client_on_four_machines_with_TLS_and_a_Redis_password_give_the_embedded_bytes()
    {
        await Cluster.HealthyAsync();
        var outDir = NewDir();
        try
        {
            var before = Traffic();
            var clock = Stopwatch.StartNew();
            await using (var run = Cluster.Run(outDir, EmbeddedReference.Scenario))
            {
                var code = await run.WaitForExitAsync(RunLimit);
                Assert.True(code == 0, $"exit {code}:\n{run.Err}\n{Logs}");
                Assert.DoesNotContain(NetnsCluster.RedisPassword, run.Out + run.Err);
            }
            var after = Traffic();
            Assert.Equal(Reference.Timeseries, Timeseries(outDir));
            Assert.Equal(2, Manifest(outDir, "silos"));
            Assert.DoesNotContain(NetnsCluster.RedisPassword, File.ReadAllText(Path.Combine(outDir, "manifest.json")));
            foreach (var m in NetnsCluster.SiloMachines)
            {
                var log = Cluster.Silo(m).Log;
                Assert.Contains($"silo {Cluster.SiloAddress(m)}:{NetnsCluster.SiloPort}", log);
                Assert.Contains("mutual TLS", log);
                Assert.DoesNotContain(NetnsCluster.RedisPassword, log);
            }
            using (var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json"))))
                Report("no fault, 1,000 households a place (one block)", clock.Elapsed, before, after, manifest.RootElement.GetProperty("household_months").GetDouble());

            // For docs/DEPLOY.md (PLACESIM_NETNS_MEASURE=1): places of 50,000 households, 20 blocks of 2,500 each, as in an England run.
            if (Environment.GetEnvironmentVariable("PLACESIM_NETNS_MEASURE") == "1")
            {
                var large = NewDir();
                try
                {
                    before = Traffic();
                    clock.Restart();
                    await using (var run = Cluster.Run(large, [Repository.Scenario("offset.yaml"), "--households", "150000", "--replications", "1", "--months", "36"]))
                        Assert.Equal(0, await run.WaitForExitAsync(RunLimit));
                    after = Traffic();
                    using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(large, "manifest.json")));
                    Report("no fault, 50,000 households a place (20 blocks)", clock.Elapsed, before, after, manifest.RootElement.GetProperty("household_months").GetDouble());
                }
                finally
                {
                    Remove(large);
                }
            }
        }
        finally
        {
            Remove(outDir);
        }
    }

    [NetnsFact]
    public async Task A_silo_cut_off_mid_run_is_declared_dead_its_jobs_run_elsewhere_and_it_stops_itself_when_its_cable_is_back()
    {
        await Cluster.HealthyAsync();
        var cut = Cluster.Silo("b");
        var outDir = NewDir();
        try
        {
            await using (var run = Cluster.Run(outDir, EmbeddedReference.Scenario))
            {
                await run.WaitForJobsAsync(1, RunLimit);
                Cluster.Lab.Cut("b");
                var code = await run.WaitForExitAsync(RunLimit);
                Assert.True(code == 0, $"exit {code}:\n{run.Err}\n{Logs}");
                Assert.Contains("were run again", run.Out + run.Err);
            }
            Assert.Equal(Reference.Timeseries, Timeseries(outDir));
            Assert.True(Manifest(outDir, "attempts_rerun") > 0, "the manifest records the attempts run again");

            // The cable back in: the old silo reads that the cluster declared it dead, and stops
            // (it never serves again, so it writes nothing): its last word is one sentence, no stack
            // trace after it. (While cut off it logged Orleans' own warnings: failed probes, calls.)
            Cluster.Lab.Restore("b");
            var exit = await cut.WaitExitAsync(TimeSpan.FromSeconds(90));
            Assert.True(exit == 1, $"the old silo exited with {exit}:\n{cut.Log}");
            var last = AssertLastWord(cut.Log, "error: the cluster declared this silo dead");
            Output.WriteLine($"silo b after its cable came back: exit {exit}: {last}");

            // Its supervisor starts it again: it joins as a new silo, and the cluster has two again.
            await Cluster.HealthyAsync();
            Assert.Equal(2, await Cluster.ActiveSilosAsync());
        }
        finally
        {
            Cluster.Lab.RestoreAll();
            Remove(outDir);
        }
    }

    [NetnsFact]
    public async Task Latency_between_silos_through_a_delaying_proxy_changes_no_byte_and_is_measured()
    {
        // A second cluster on the same two machines, each silo advertising a proxy on the test
        // process's address: every silo-to-silo connection passes one, which holds each chunk.
        await Cluster.HealthyAsync();
        var clusterId = $"latency-{Guid.NewGuid():N}";
        const int siloPort = 11112, gatewayPort = 30001;
        var proxies = new List<DelayProxy>();
        var silos = new List<SiloProcess>();
        var dirs = new List<string>();
        try
        {
            foreach (var m in NetnsCluster.SiloMachines)
            {
                var silo = new DelayProxy(Cluster.Lab.HostAddress, new IPEndPoint(Cluster.SiloAddress(m), siloPort));
                var gateway = new DelayProxy(Cluster.Lab.HostAddress, new IPEndPoint(Cluster.SiloAddress(m), gatewayPort)); // clients are not delayed
                proxies.Add(silo);
                proxies.Add(gateway);
                silos.Add(new SiloProcess(Cluster.Namespace(m), Cluster.Environment,
                    "--clustering", "redis", "--redis", Cluster.RedisConnection, "--cluster-id", clusterId,
                    "--address", $"{Cluster.SiloAddress(m)}", "--silo-port", $"{siloPort}", "--gateway-port", $"{gatewayPort}",
                    "--advertise", $"{Cluster.Lab.HostAddress}:{silo.Endpoint.Port}:{gateway.Endpoint.Port}", "--dashboard-port", "0"));
            }
            await Task.WhenAll(silos.Select(s => s.WaitReadyAsync(Ready)));

            var embedded = NewDir();
            dirs.Add(embedded);
            var (refCode, _, refErr) = await Placesim.RunAsync(RunLimit, ["run", .. Small, "--out", embedded]);
            Assert.True(refCode == 0, refErr);
            var expected = Timeseries(embedded);

            var delays = Environment.GetEnvironmentVariable("PLACESIM_NETNS_MEASURE") == "1" ? new[] { 0, 10, 50 } : [50];
            var seconds = new List<double>();
            foreach (var ms in delays)
            {
                foreach (var p in proxies.Where((_, i) => i % 2 == 0)) p.Delay = TimeSpan.FromMilliseconds(ms);
                var outDir = NewDir();
                dirs.Add(outDir);
                var clock = Stopwatch.StartNew();
                await using (var run = new RunProcess(Cluster.Namespace("c"), Cluster.Environment, "run", outDir,
                                 [.. Small, "--cluster", $"redis:{Cluster.RedisConnection}", "--cluster-id", clusterId]))
                {
                    var code = await run.WaitForExitAsync(RunLimit);
                    Assert.True(code == 0, $"exit {code} at {ms} ms:\n{run.Err}\n{string.Join("\n", silos.Select(s => s.Log))}");
                }
                seconds.Add(clock.Elapsed.TotalSeconds);
                Assert.Equal(expected, Timeseries(outDir));
                Assert.Equal(2, Manifest(outDir, "silos"));
            }
            // The figures in docs/PERFORMANCE.md: PLACESIM_NETNS_MEASURE=1 runs at 0, 10 and 50 ms.
            var line = string.Join(", ", delays.Select((ms, i) => $"{ms} ms: {seconds[i]:F1} s"));
            var per10 = delays.Length > 1 ? $"; {(seconds[^1] - seconds[0]) / (delays[^1] / 10.0):F1} s slower per 10 ms" : "";
            Output.WriteLine($"latency between silos (one way), run of {string.Join(' ', Small.Skip(1))}: {line}{per10}");
        }
        finally
        {
            foreach (var s in silos) await s.DisposeAsync();
            foreach (var p in proxies) await p.DisposeAsync();
            foreach (var d in dirs) Remove(d);
        }
    }

    [NetnsFact]
    public async Task A_wrong_Redis_password_and_an_address_of_another_machine_each_fail_in_one_sentence()
    {
        await Cluster.HealthyAsync();
        var wrong = Cluster.Environment;
        wrong["PLACESIM_REDIS_PASSWORD"] = "battery-staple";
        var (code, err) = await RunInAsync("a", wrong, ["silo", "--clustering", "redis", "--redis", Cluster.RedisConnection, "--cluster-id", Cluster.ClusterId,
            "--address", $"{Cluster.SiloAddress("a")}", "--silo-port", "11113", "--gateway-port", "30003", "--dashboard-port", "0"]);
        Assert.Equal(1, code);
        Assert.Contains("authentication failed", Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.DoesNotContain("battery-staple", err);

        (code, err) = await RunInAsync("a", Cluster.Environment, ["silo", "--clustering", "redis", "--redis", Cluster.RedisConnection, "--cluster-id", Cluster.ClusterId,
            "--address", $"{Cluster.SiloAddress("b")}", "--silo-port", "11113", "--gateway-port", "30003", "--dashboard-port", "0"]);
        Assert.Equal(2, code);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"--address {Cluster.SiloAddress("b")} is not an address of this machine: give one of its own (", line);
        Assert.Contains($"{Cluster.SiloAddress("a")}", line);
    }
}

/// <summary>The client cut off; Redis out of reach, and restarted empty.</summary>
public class NetnsOutageTests(NetnsCluster cluster, EmbeddedReference reference, ITestOutputHelper output)
    : NetnsTestBase(cluster, reference, output), IClassFixture<NetnsCluster>, IClassFixture<EmbeddedReference>
{
    [NetnsFact]
    public async Task A_client_cut_off_mid_run_fails_in_one_sentence_and_the_cluster_releases_the_runs_grains()
    {
        await Cluster.HealthyAsync();
        var outDir = NewDir();
        try
        {
            await using var run = Cluster.Run(outDir, EmbeddedReference.Scenario);
            await run.WaitForJobsAsync(1, RunLimit);
            Assert.True((await Cluster.RunsAndJobGrainsAsync()).Runs > 0, "the registry lists the run while it goes on");
            Cluster.Lab.Cut("c");
            var clock = Stopwatch.StartNew();

            // Nobody drives the run's jobs now: the cluster releases their grains, and the registry forgets the run.
            (int Runs, int JobActivations) left;
            while ((left = await Cluster.RunsAndJobGrainsAsync()) != (0, 0) && clock.Elapsed < TimeSpan.FromSeconds(120))
                await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.True(left == (0, 0), $"{left.Runs} run(s) and {left.JobActivations} job grain activation(s) are left after {clock.Elapsed.TotalSeconds:F0} s");
            var released = clock.Elapsed;

            // The client itself gives up once its calls time out and its retries run out (about 3
            // minutes: Orleans' 30 s response timeout per attempt, within the run's 2-minute retry
            // window). That wait is for PLACESIM_NETNS_SLOW=1; otherwise the client is killed here.
            if (Environment.GetEnvironmentVariable("PLACESIM_NETNS_SLOW") != "1")
            {
                await run.KillAsync();
                Output.WriteLine($"client cut off: grains released after {released.TotalSeconds:F0} s (the client's own failure is checked with PLACESIM_NETNS_SLOW=1)");
                return;
            }
            var code = await run.WaitForExitAsync(TimeSpan.FromMinutes(5));
            var failed = clock.Elapsed;
            Assert.True(code == 1, $"a client cut off cannot finish its run (exit {code})");
            var error = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
            Assert.StartsWith("error: the run failed:", error);
            Assert.DoesNotContain("   at ", run.Err);
            Assert.False(Directory.Exists(outDir), "a run that failed writes no output folder");
            Output.WriteLine($"client cut off: grains released after {released.TotalSeconds:F0} s, client failed after {failed.TotalSeconds:F0} s: {error}");
        }
        finally
        {
            Cluster.Lab.RestoreAll();
            Remove(outDir);
        }
    }

    [NetnsFact]
    public async Task Redis_out_of_reach_for_30_s_mid_run_changes_no_byte()
    {
        await Cluster.HealthyAsync();
        var outDir = NewDir();
        try
        {
            await using (var run = Cluster.Run(outDir, EmbeddedReference.Scenario))
            {
                await run.WaitForJobsAsync(1, RunLimit);
                Cluster.Lab.Cut("r");
                await Task.Delay(TimeSpan.FromSeconds(30));
                Cluster.Lab.Restore("r");
                var code = await run.WaitForExitAsync(RunLimit);
                Assert.True(code == 0, $"exit {code}:\n{run.Err}\n{Logs}");
            }
            Assert.Equal(Reference.Timeseries, Timeseries(outDir));
            foreach (var m in NetnsCluster.SiloMachines) Assert.False(Cluster.Silo(m).HasExited, $"silo {m} stopped while Redis was out of reach:\n{Logs}");
        }
        finally
        {
            Cluster.Lab.RestoreAll();
            Remove(outDir);
        }
    }

    [NetnsFact]
    public async Task Redis_restarted_empty_makes_both_silos_exit_for_their_supervisor_and_restarted_they_serve_a_run()
    {
        await Cluster.HealthyAsync();
        var outDir = NewDir();
        try
        {
            var silos = NetnsCluster.SiloMachines.Select(Cluster.Silo).ToArray();
            await Cluster.KillRedisAsync();
            await Cluster.StartRedisAsync();
            foreach (var s in silos)
            {
                Assert.Equal(1, await s.WaitExitAsync(TimeSpan.FromSeconds(60)));
                AssertLastWord(s.Log, "error: this silo is no longer in the cluster's membership table");
            }

            await Cluster.HealthyAsync();
            await using var run = Cluster.Run(outDir, Small);
            var code = await run.WaitForExitAsync(RunLimit);
            Assert.True(code == 0, $"exit {code}:\n{run.Err}\n{Logs}");
            Assert.Equal(2, Manifest(outDir, "silos"));
        }
        finally
        {
            Remove(outDir);
        }
    }
}
