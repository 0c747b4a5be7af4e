using StackExchange.Redis;

namespace PlaceSimulation.Cluster.Tests;

/// <summary>Secrets kept and messages that say what is wrong: passwords, addresses, cluster ids, the dashboard, Redis restarted empty.</summary>
public class SecurityTests
{
    [Fact]
    public async Task A_silo_address_that_is_not_this_machines_is_refused_in_one_sentence()
    {
        var (code, _, err) = await Placesim.RunAsync(TimeSpan.FromMinutes(1),
            "silo", "--clustering", "redis", "--redis", "127.0.0.1:1", "--address", "198.51.100.7", "--dashboard-port", "0");

        Assert.Equal(2, code);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--address 198.51.100.7 is not an address of this machine", line);
    }

    [Fact]
    public async Task A_dashboard_off_loopback_is_refused_because_it_has_no_authentication()
    {
        var (code, _, err) = await Placesim.RunAsync(TimeSpan.FromMinutes(1), "silo", "--dashboard-address", "0.0.0.0", "--dashboard-port", $"{Placesim.FreePort()}");

        Assert.Equal(2, code);
        Assert.Contains("the dashboard has no authentication", Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [OwnRedisFact]
    public async Task A_wrong_Redis_password_says_authentication_failed_and_is_never_printed()
    {
        using var guarded = RedisServer.WithPassword("correct-horse");

        var (code, output, err) = await Placesim.RunAsync(TimeSpan.FromMinutes(1),
            "silo", "--clustering", "redis", "--redis", $"{guarded.Connection},password=battery-staple", "--dashboard-port", "0");

        Assert.Equal(1, code);
        Assert.Contains("authentication failed", err);
        Assert.DoesNotContain("battery-staple", err + output);
    }

    [OwnRedisFact]
    public async Task A_password_from_the_environment_joins_the_cluster_a_wrong_cluster_id_is_named_and_a_silo_leaves_when_Redis_forgets_it()
    {
        const string password = "correct-horse";
        using var guarded = RedisServer.WithPassword(password);
        var env = new Dictionary<string, string> { ["PLACESIM_REDIS_PASSWORD"] = password };
        await using var silo = new SiloProcess(env,
            "--clustering", "redis", "--redis", guarded.Connection, "--cluster-id", "alpha",
            "--silo-port", $"{Placesim.FreePort()}", "--gateway-port", $"{Placesim.FreePort()}", "--dashboard-port", "0");
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(90));
        Assert.DoesNotContain(password, silo.Log);

        // A client with the wrong cluster id is told so (not "unable to connect").
        var outDir = Path.Combine(Path.GetTempPath(), $"placesim-{Guid.NewGuid():N}");
        using (var client = Placesim.Start(env, "run", Repository.Scenario("offset.yaml"), "--households", "300", "--out", outDir,
                   "--cluster", $"redis:{guarded.Connection}", "--cluster-id", "beta"))
        {
            var err = client.StandardError.ReadToEndAsync();
            await client.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
            Assert.Equal(1, client.ExitCode);
            Assert.Contains("'beta'", await err);
            Assert.Contains("cluster-id", await err);
            Assert.False(Directory.Exists(outDir));
        }

        // Redis restarted empty: the silo's row is gone, so it exits for its supervisor to start it again.
        await using (var admin = await ConnectionMultiplexer.ConnectAsync($"{guarded.Connection},password={password},allowAdmin=true"))
            await admin.GetServers()[0].FlushAllDatabasesAsync();
        Assert.Equal(1, await silo.WaitExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("no longer in the cluster's membership table", silo.Log);
    }
}

/// <summary>Secrets are redacted wherever a command line is recorded.</summary>
public class RedactionTests
{
    [Fact]
    public void A_password_in_a_command_line_is_redacted_and_the_rest_is_kept()
    {
        var line = "placesim run scenarios/offset.yaml --cluster redis:10.0.0.2:6379,password=s3cret,user=ops --out out/x";
        Assert.Equal("placesim run scenarios/offset.yaml --cluster redis:10.0.0.2:6379,password=***,user=*** --out out/x",
            Reports.Files.Redaction.Redact(line));
    }
}
