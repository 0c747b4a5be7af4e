using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace PlaceSimulation.Cli.Hosting;

/// <summary>
/// Mutual TLS between silos and clients, with a certificate the operator supplies: one
/// certificate (with its private key, a PKCS#12 .pfx file) for the cluster, named by
/// <see cref="CertificateVariable"/> (its password, if any, in <see cref="PasswordVariable"/>).
/// Every connection (silo to silo, client to gateway) is encrypted, and each end must present
/// that same certificate: a peer without it, or with another, is refused during the handshake,
/// before any message. Why one shared certificate rather than a CA: it is one file to make and
/// copy to each machine, and it proves the same thing here (the peer holds the cluster's key).
/// TLS is required on Redis clusters (several machines) unless the operator sets
/// <see cref="SwitchVariable"/> to <c>off</c>; on localhost clusters it is used when a
/// certificate is given.
/// </summary>
public sealed record ClusterTls(X509Certificate2 Certificate)
{
    public const string CertificateVariable = "PLACESIM_TLS_CERTIFICATE";
    public const string PasswordVariable = "PLACESIM_TLS_PASSWORD";
    public const string SwitchVariable = "PLACESIM_TLS";

    /// <summary>
    /// The cluster's TLS from the environment: a certificate when one is named, null when none is
    /// and none is required; throws <see cref="ClusterUnreachableException"/> (one sentence) when one
    /// is required and missing, or cannot be read.
    /// </summary>
    public static ClusterTls? FromEnvironment(bool required)
    {
        var path = Environment.GetEnvironmentVariable(CertificateVariable);
        if (string.IsNullOrEmpty(path))
        {
            if (!required || string.Equals(Environment.GetEnvironmentVariable(SwitchVariable), "off", StringComparison.OrdinalIgnoreCase)) return null;
            throw new ClusterUnreachableException(
                $"a cluster across machines needs TLS: set {CertificateVariable} to the cluster's certificate (a .pfx file with its key, the same on every machine; its password in {PasswordVariable}), or {SwitchVariable}=off on a network you trust (docs/ARCHITECTURE.md)");
        }
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, Environment.GetEnvironmentVariable(PasswordVariable));
            if (!certificate.HasPrivateKey) throw new ClusterUnreachableException($"the TLS certificate {path} ({CertificateVariable}) has no private key: export it as a .pfx with its key");
            return new ClusterTls(certificate);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new ClusterUnreachableException($"cannot read the TLS certificate {path} ({CertificateVariable}): {e.Message.TrimEnd('.')}");
        }
        catch (IOException e)
        {
            throw new ClusterUnreachableException($"cannot read the TLS certificate {path} ({CertificateVariable}): {e.Message.TrimEnd('.')}");
        }
    }

    /// <summary>Both ends present a certificate, and it must be the cluster's own.</summary>
    public void Configure(TlsOptions o)
    {
        o.LocalCertificate = Certificate;
        o.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        o.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        o.RemoteCertificateValidation = (remote, _, _) => remote is not null && remote.Thumbprint == Certificate.Thumbprint;
        o.HandshakeTimeout = TimeSpan.FromSeconds(10);
    }
}
