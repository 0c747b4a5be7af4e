using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace PlaceSimulation.Cluster.Tests.Netns;

/// <summary>
/// Latency without netem (this kernel has no sch_netem): a TCP proxy that forwards every chunk
/// it reads, in both directions, <see cref="Delay"/> after it arrived, in order. A silo that
/// advertises the proxy's endpoint (placesim silo --advertise) is reached only through it, so
/// every message to it and every answer from it on that connection is late by the delay.
/// Bandwidth is not limited, and chunks are not split or merged beyond what TCP does anyway.
/// </summary>
public sealed class DelayProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _pumps = [];
    private readonly Task _accepting;

    public DelayProxy(IPAddress listen, IPEndPoint target)
    {
        _target = target;
        _listener = new TcpListener(listen, 0);
        _listener.Start();
        Endpoint = (IPEndPoint)_listener.LocalEndpoint;
        _accepting = AcceptAsync();
    }

    public IPEndPoint Endpoint { get; }

    /// <summary>One-way delay added to every chunk, each direction (a round trip gains twice this). Changeable while running.</summary>
    public TimeSpan Delay { get; set; }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            lock (_pumps) _pumps.Add(ConnectAsync(inbound));
        }
    }

    private async Task ConnectAsync(TcpClient inbound)
    {
        using var _ = inbound;
        using var outbound = new TcpClient();
        inbound.NoDelay = outbound.NoDelay = true;
        try
        {
            await outbound.ConnectAsync(_target, _stop.Token);
            using var both = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var a = PumpAsync(inbound.GetStream(), outbound.GetStream(), both.Token);
            var b = PumpAsync(outbound.GetStream(), inbound.GetStream(), both.Token);
            await Task.WhenAny(a, b);
            both.Cancel();
            await Task.WhenAll(a, b).ContinueWith(_ => { });
        }
        catch (Exception)
        {
            // A connection refused or reset ends here, as the far end would have ended it.
        }
    }

    /// <summary>Reads chunks as they come and writes each one when its delay has passed, in order.</summary>
    private async Task PumpAsync(NetworkStream from, NetworkStream to, CancellationToken cancel)
    {
        var queue = Channel.CreateUnbounded<(long Due, byte[] Data)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var writer = Task.Run(async () =>
        {
            await foreach (var (due, data) in queue.Reader.ReadAllAsync(cancel))
            {
                var wait = due - Stopwatch.GetTimestamp();
                if (wait > 0) await Task.Delay(TimeSpan.FromTicks(wait * TimeSpan.TicksPerSecond / Stopwatch.Frequency), cancel);
                await to.WriteAsync(data, cancel);
            }
            to.Socket.Shutdown(SocketShutdown.Send);
        }, cancel);
        var buffer = new byte[64 * 1024];
        try
        {
            int n;
            while ((n = await from.ReadAsync(buffer, cancel)) > 0)
            {
                var due = Stopwatch.GetTimestamp() + (long)(Delay.TotalSeconds * Stopwatch.Frequency);
                queue.Writer.TryWrite((due, buffer.AsSpan(0, n).ToArray()));
            }
        }
        finally
        {
            queue.Writer.TryComplete();
        }
        await writer;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        Task[] pumps;
        lock (_pumps) pumps = [.. _pumps];
        await Task.WhenAll(pumps).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { });
        _stop.Dispose();
    }
}
