using System.Text.Json;

namespace PlaceSimulation.Cluster.Tests;

/// <summary>
/// A real cluster: two <c>placesim silo</c> processes sharing a Redis membership table, and
/// <c>placesim run --cluster redis:...</c> attached as a client, give the timeseries of the
/// embedded run byte for byte.
/// </summary>
public class RedisClusterTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly string[] SmallOffset =
        [Repository.Scenario("offset.yaml"), "--households", "900", "--replications", "2", "--months", "36"];

    [RedisFact]
    public async Task Two_silo_processes_on_Redis_give_the_embedded_timeseries_byte_for_byte()
    {
        var clusterId = $"test-{Guid.NewGuid():N}";
        var dashboard = Placesim.FreePort();
        string[] Silo(int dashboardPort) =>
        [
            "--clustering", "redis", "--redis", redis.Connection, "--cluster-id", clusterId,
            "--silo-port", $"{Placesim.FreePort()}", "--gateway-port", $"{Placesim.FreePort()}", "--dashboard-port", $"{dashboardPort}",
        ];
        var outDir = Path.Combine(Path.GetTempPath(), $"placesim-{Guid.NewGuid():N}");
        try
        {
            await using var first = new SiloProcess(Silo(dashboard));
            await using var second = new SiloProcess(Silo(0));
            await Task.WhenAll(first.WaitReadyAsync(TimeSpan.FromSeconds(90)), second.WaitReadyAsync(TimeSpan.FromSeconds(90)));

            using (var http = new HttpClient())
                Assert.True((await http.GetAsync($"http://127.0.0.1:{dashboard}/")).IsSuccessStatusCode, "the dashboard answers on loopback");

            var cluster = await Placesim.RunAsync(TimeSpan.FromMinutes(3),
                ["run", .. SmallOffset, "--out", Path.Combine(outDir, "cluster"), "--cluster", $"redis:{redis.Connection}", "--cluster-id", clusterId]);
            Assert.True(cluster.ExitCode == 0, cluster.Err + first.Log + second.Log);
            var embedded = await Placesim.RunAsync(TimeSpan.FromMinutes(3), ["run", .. SmallOffset, "--out", Path.Combine(outDir, "embedded")]);
            Assert.True(embedded.ExitCode == 0, embedded.Err);

            Assert.Equal(
                await File.ReadAllBytesAsync(Path.Combine(outDir, "embedded", "timeseries.csv")),
                await File.ReadAllBytesAsync(Path.Combine(outDir, "cluster", "timeseries.csv")));
            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "cluster", "manifest.json")));
            Assert.Equal(2, manifest.RootElement.GetProperty("silos").GetInt32());
            Assert.Contains("redis", manifest.RootElement.GetProperty("cluster").GetString());

            Assert.Equal(0, await second.StopAsync());
            Assert.Equal(0, await first.StopAsync());
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        }
    }

    [Fact]
    public async Task A_silo_that_cannot_reach_Redis_says_so_and_exits_non_zero()
    {
        var nobody = Placesim.FreePort();

        var (code, _, err) = await Placesim.RunAsync(TimeSpan.FromMinutes(1),
            "silo", "--clustering", "redis", "--redis", $"127.0.0.1:{nobody}", "--dashboard-port", "0");

        Assert.Equal(1, code);
        Assert.Contains($"cannot reach Redis at 127.0.0.1:{nobody}", err);
    }

    [Fact]
    public async Task A_client_that_cannot_reach_the_cluster_says_so_and_writes_nothing()
    {
        var outDir = Path.Combine(Path.GetTempPath(), $"placesim-{Guid.NewGuid():N}");

        var (code, _, err) = await Placesim.RunAsync(TimeSpan.FromMinutes(1),
            ["run", .. SmallOffset, "--out", outDir, "--cluster", $"localhost:{Placesim.FreePort()}"]);

        Assert.Equal(1, code);
        Assert.Contains("cannot attach to the cluster", err);
        Assert.False(Directory.Exists(outDir));
    }
}
