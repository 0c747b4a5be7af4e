using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PlaceSimulation.Cluster.Tests;

/// <summary>Mutual TLS with the operator's certificate: a client with it runs, a client without it is refused.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"placesim-tls-{Guid.NewGuid():N}");

    public TlsTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The operator's cluster certificate: self-signed, with its key, as a password-protected .pfx.</summary>
    private string Certificate(string name, string password) => MakeCertificate(_folder, name, password);

    /// <summary>A cluster certificate in <paramref name="folder"/> (also for the tests across network namespaces).</summary>
    internal static string MakeCertificate(string folder, string name, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false)); // server and client authentication
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(folder, $"{name}.pfx");
        File.WriteAllBytes(path, cert.Export(X509ContentType.Pfx, password));
        return path;
    }

    [Fact]
    public async Task A_TLS_cluster_serves_a_client_with_its_certificate_and_refuses_one_without_or_with_another()
    {
        const string password = "pfx-secret";
        var tls = new Dictionary<string, string>
        {
            ["PLACESIM_TLS_CERTIFICATE"] = Certificate("placesim-cluster", password),
            ["PLACESIM_TLS_PASSWORD"] = password,
        };
        var siloPort = Placesim.FreePort();
        var gateway = Placesim.FreePort();
        await using var silo = new SiloProcess(tls, "--silo-port", $"{siloPort}", "--gateway-port", $"{gateway}", "--primary-port", $"{siloPort}", "--dashboard-port", "0");
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(90));
        Assert.Contains("mutual TLS", silo.Log);

        string[] Run(string outDir) =>
            ["run", Repository.Scenario("offset.yaml"), "--households", "300", "--replications", "1", "--months", "36",
             "--out", outDir, "--cluster", $"localhost:{gateway}"];

        // Without a certificate, and with a certificate of its own making: refused at the handshake, nothing written.
        var bare = Path.Combine(_folder, "bare");
        var refused = await RunAsync(new Dictionary<string, string>(), Run(bare));
        Assert.True(refused.Code == 1, refused.Err);
        Assert.Contains("cannot attach to the cluster", refused.Err);
        Assert.False(Directory.Exists(bare));
        var other = new Dictionary<string, string> { ["PLACESIM_TLS_CERTIFICATE"] = Certificate("intruder", password), ["PLACESIM_TLS_PASSWORD"] = password };
        var forged = Path.Combine(_folder, "forged");
        Assert.Equal(1, (await RunAsync(other, Run(forged))).Code);
        Assert.False(Directory.Exists(forged));

        // With the cluster's certificate: the run goes through.
        var good = Path.Combine(_folder, "good");
        var ok = await RunAsync(tls, Run(good));
        Assert.True(ok.Code == 0, ok.Err + silo.Log);
        Assert.True(File.Exists(Path.Combine(good, "timeseries.csv")));
    }

    [Fact]
    public async Task A_Redis_silo_without_a_certificate_is_refused_unless_the_operator_turns_TLS_off()
    {
        var env = new Dictionary<string, string> { ["PLACESIM_TLS"] = "" };
        var (code, err) = await RunAsync(env, ["silo", "--clustering", "redis", "--redis", "127.0.0.1:1", "--dashboard-port", "0"]);

        Assert.Equal(1, code);
        Assert.Contains("a cluster across machines needs TLS", Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    private static Task<(int Code, string Err)> RunAsync(IDictionary<string, string> env, string[] args) =>
        Placesim.RunToEndAsync(null, env, args, TimeSpan.FromMinutes(3));
}
