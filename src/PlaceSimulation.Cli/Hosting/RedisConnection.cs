using StackExchange.Redis;

namespace PlaceSimulation.Cli.Hosting;

/// <summary>
/// A Redis connection string made into options, with the password kept off the command line:
/// when the string has no <c>password=</c>, it comes from the environment variable
/// <see cref="PasswordVariable"/>, or from the file named by <see cref="PasswordFileVariable"/>
/// (so it shows neither in <c>ps</c> nor in shell history nor in manifest.json).
/// </summary>
public static class RedisConnection
{
    public const string PasswordVariable = "PLACESIM_REDIS_PASSWORD";
    public const string PasswordFileVariable = "PLACESIM_REDIS_PASSWORD_FILE";

    /// <summary>The options for a connection string; throws <see cref="ClusterUnreachableException"/> with one sentence when it cannot be read.</summary>
    public static ConfigurationOptions Options(string connection)
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
        if (string.IsNullOrEmpty(options.Password) && Password() is { Length: > 0 } password) options.Password = password;
        return options;
    }

    private static string? Password()
    {
        if (Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } given) return given;
        if (Environment.GetEnvironmentVariable(PasswordFileVariable) is not { Length: > 0 } file) return null;
        try
        {
            return File.ReadAllText(file).TrimEnd('\r', '\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ClusterUnreachableException($"cannot read the Redis password from {file} ({PasswordFileVariable}): {e.Message}");
        }
    }

    /// <summary>
    /// The cluster ids registered in Redis for a service (Orleans' membership keys are
    /// <c>SERVICE/members/CLUSTER</c>), or null when Redis cannot be asked.
    /// </summary>
    public static async Task<HashSet<string>?> ClustersAsync(string connection, string serviceId, CancellationToken cancel)
    {
        try
        {
            var options = Options(connection);
            options.AbortOnConnectFail = true;
            options.ConnectTimeout = Math.Min(options.ConnectTimeout, 5000);
            await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
            var prefix = $"{serviceId}/members/";
            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (var endpoint in redis.GetEndPoints())
            {
                var server = redis.GetServer(endpoint);
                await foreach (var key in server.KeysAsync(pattern: prefix + "*", pageSize: 100).WithCancellation(cancel))
                    found.Add(key.ToString()[prefix.Length..]);
            }
            return found;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ClusterUnreachableException)
        {
            return null;
        }
    }
}
