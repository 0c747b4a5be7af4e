using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace PlaceSimulation.Cluster.Tests.Netns;

/// <summary>
/// Separate "machines" on this one: network namespaces, each with its own network stack and one
/// address, joined by a bridge in a namespace of its own (the switch). Each machine's cable is a
/// veth pair, its switch end named <c>v&lt;machine&gt;</c>; setting that end down cuts the machine
/// off, as pulling its cable would. The test process itself is joined to the switch too (one veth
/// end in this machine's own namespace, address .254), so it can reach Redis and the cluster and
/// sit between machines as a proxy. Every name starts with <c>psn&lt;pid&gt;</c> (this process)
/// and the /24 is one no interface or route here uses, so runs side by side never meet.
/// Dispose removes the namespaces, which takes every veth and the bridge with them.
/// </summary>
public sealed partial class NetworkLab : IDisposable
{
    private static int _labs;
    private readonly List<string> _namespaces = [];
    private readonly HashSet<string> _machines = [];

    public NetworkLab()
    {
        RemoveLeftovers();
        var lab = Interlocked.Increment(ref _labs) - 1;
        Prefix = $"psn{Environment.ProcessId}{(char)('a' + lab)}";
        Subnet = FreeSubnet(lab);
        try
        {
            Namespace(Switch);
            Ip("-n", Switch, "link", "add", "br0", "type", "bridge");
            Ip("-n", Switch, "link", "set", "br0", "up");
            // This process's own end: psn<pid><lab>h here, vh at the switch.
            var hostEnd = $"{Prefix}h";
            Ip("link", "add", hostEnd, "type", "veth", "peer", "name", "vh", "netns", Switch);
            Ip("-n", Switch, "link", "set", "vh", "master", "br0", "up");
            Ip("addr", "add", $"{HostAddress}/24", "dev", hostEnd);
            Ip("link", "set", hostEnd, "up");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>What every name this lab makes starts with (psn, this process's id, a letter per lab).</summary>
    public string Prefix { get; }

    /// <summary>The third octet of 10.77.N.0/24, the lab's network.</summary>
    public int Subnet { get; }

    private string Switch => $"{Prefix}sw";

    /// <summary>This process's address on the lab network.</summary>
    public IPAddress HostAddress => Address(254);

    public IPAddress Address(int host) => IPAddress.Parse($"10.77.{Subnet}.{host}");

    /// <summary>Why these tests cannot run here (not root, no ip, no namespaces), or null.</summary>
    public static string? Unavailable { get; } = Probe();

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux()) return "network namespaces are Linux only";
        if (Environment.UserName != "root" && Environment.GetEnvironmentVariable("USER") != "root" && !IsRoot())
            return "network namespaces need root (CI runs as root)";
        if (!File.Exists("/usr/sbin/ip") && !File.Exists("/sbin/ip") && !File.Exists("/usr/bin/ip") && !File.Exists("/bin/ip"))
            return "no 'ip' command (apt-get install -y iproute2)";
        var name = $"psn{Environment.ProcessId}probe";
        var (code, err) = Exec("ip", ["netns", "add", name]);
        if (code != 0) return $"cannot create a network namespace here: {err.Trim()}";
        Exec("ip", ["netns", "del", name]);
        return null;
    }

    private static bool IsRoot() => File.ReadAllLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal)) is { } uid
        && uid.Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) == "0";

    /// <summary>A machine: namespace <c>&lt;prefix&gt;&lt;name&gt;</c>, cable <c>v&lt;name&gt;</c> at the switch, address 10.77.N.<paramref name="host"/>.</summary>
    public string AddMachine(string name, int host)
    {
        var ns = $"{Prefix}{name}";
        Namespace(ns);
        Ip("-n", Switch, "link", "add", $"v{name}", "type", "veth", "peer", "name", "eth0", "netns", ns);
        Ip("-n", Switch, "link", "set", $"v{name}", "master", "br0", "up");
        Ip("-n", ns, "link", "set", "lo", "up");
        Ip("-n", ns, "addr", "add", $"{Address(host)}/24", "dev", "eth0");
        Ip("-n", ns, "link", "set", "eth0", "up");
        _machines.Add(name);
        return ns;
    }

    /// <summary>Cuts a machine's cable at the switch (ip link set vNAME down): nothing reaches it, nothing leaves it.</summary>
    public void Cut(string machine) => Ip("-n", Switch, "link", "set", $"v{machine}", "down");

    /// <summary>Plugs the cable back in.</summary>
    public void Restore(string machine) => Ip("-n", Switch, "link", "set", $"v{machine}", "up");

    /// <summary>Every cable plugged in.</summary>
    public void RestoreAll()
    {
        foreach (var m in _machines) Restore(m);
    }

    /// <summary>Bytes and packets through a machine's cable (from /sys/class/net/vNAME/statistics at the switch), both directions summed.</summary>
    public (long Bytes, long Packets) Traffic(string machine)
    {
        var (code, text) = Exec("ip", ["netns", "exec", Switch, "cat",
            $"/sys/class/net/v{machine}/statistics/rx_bytes", $"/sys/class/net/v{machine}/statistics/tx_bytes",
            $"/sys/class/net/v{machine}/statistics/rx_packets", $"/sys/class/net/v{machine}/statistics/tx_packets"], stdout: true);
        if (code != 0) throw new InvalidOperationException($"cannot read the statistics of v{machine}: {text}");
        var n = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray();
        return (n[0] + n[1], n[2] + n[3]);
    }

    private void Namespace(string name)
    {
        Ip("netns", "add", name);
        _namespaces.Add(name);
    }

    /// <summary>Removes every namespace this lab made (the switch last): their veths and the bridge go with them.</summary>
    public void Dispose()
    {
        foreach (var ns in _namespaces.AsEnumerable().Reverse()) Exec("ip", ["netns", "del", ns]);
        _namespaces.Clear();
        // The host end goes with its peer; delete it by name too in case the switch never got it.
        if (Exec("ip", ["link", "show", $"{Prefix}h"]).Code == 0) Exec("ip", ["link", "del", $"{Prefix}h"]);
    }

    /// <summary>Namespaces (and host veth ends) left by a test process that is gone (killed before its Dispose).</summary>
    private static void RemoveLeftovers()
    {
        var (_, list) = Exec("ip", ["netns", "list"], stdout: true);
        foreach (Match m in Leftover().Matches(list))
            if (!Directory.Exists($"/proc/{m.Groups[2].Value}")) Exec("ip", ["netns", "del", m.Groups[1].Value]);
        var (_, links) = Exec("ip", ["-o", "link", "show"], stdout: true);
        foreach (Match m in LeftoverLink().Matches(links))
            if (!Directory.Exists($"/proc/{m.Groups[2].Value}")) Exec("ip", ["link", "del", m.Groups[1].Value]);
    }

    [GeneratedRegex(@"^(psn(\d+)[a-z]\w*)", RegexOptions.Multiline)]
    private static partial Regex Leftover();

    [GeneratedRegex(@"^\d+: (psn(\d+)[a-z]h)@", RegexOptions.Multiline)]
    private static partial Regex LeftoverLink();

    /// <summary>A 10.77.N.0/24 that no address or route here uses yet.</summary>
    private static int FreeSubnet(int lab)
    {
        var (_, addresses) = Exec("ip", ["-4", "-o", "addr", "show"], stdout: true);
        var (_, routes) = Exec("ip", ["-4", "route", "show", "table", "all"], stdout: true);
        var used = addresses + routes;
        for (var i = 0; i < 200; i++)
        {
            var n = (Environment.ProcessId + 67 * lab + i) % 200 + 20; // labs of one process start apart, so two made at once do not pick the same
            if (!used.Contains($"10.77.{n}.", StringComparison.Ordinal) && !used.Contains("10.77.0.0/16", StringComparison.Ordinal)) return n;
        }
        throw new InvalidOperationException("no free 10.77.N.0/24 here");
    }

    private static void Ip(params string[] args)
    {
        var (code, err) = Exec("ip", args);
        if (code != 0) throw new InvalidOperationException($"ip {string.Join(' ', args)} failed ({code}): {err.Trim()}");
    }

    /// <summary>Runs a command to its end (20 s at most); returns its exit code and its stderr (or stdout when asked).</summary>
    internal static (int Code, string Text) Exec(string file, string[] args, bool stdout = false)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(20_000))
        {
            p.Kill();
            return (-1, $"{file} {string.Join(' ', args)} did not end within 20 s");
        }
        return (p.ExitCode, stdout ? output.Result : error.Result);
    }
}

/// <summary>A fact that needs network namespaces: skipped, with the reason, where they cannot be made (not root, no ip).</summary>
public sealed class NetnsFactAttribute : FactAttribute
{
    public const string Variable = "PLACESIM_NETNS";

    public NetnsFactAttribute()
    {
        // They build machines out of the host's network stack (root, a minute or more each), so the
        // everyday `dotnet test` leaves them out and CI (.ci/run) runs them with PLACESIM_NETNS=1.
        if (Environment.GetEnvironmentVariable(Variable) != "1") Skip = $"network-namespace cluster tests run only with {Variable}=1 (.ci/run sets it; they need root)";
        else if (NetworkLab.Unavailable is { } reason) Skip = reason;
        else if (RedisServer.Binary() is null) Skip = "no redis-server binary here to start in a namespace (apt-get install -y redis-server)";
    }
}
