using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Threading.Channels;

namespace PlaceSimulation.Studio.Sessions;

/// <summary>
/// What the session tells every open page, as Server-Sent Events: <c>state</c> (everything,
/// sent first to each new listener, so a page that reloads or reconnects gets the current
/// session), <c>month</c> (a month of every world), <c>lever</c> (a pull) and <c>follow</c>.
/// Each listener has its own bounded queue: a slow browser loses its oldest events (the page
/// sees a month missing and reads the whole state again), never slowing the session down.
/// </summary>
public sealed class StudioEvents
{
    /// <summary>Events queued for one listener before the oldest are dropped.</summary>
    public const int QueueLength = 512;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Lock _gate = new();
    private readonly List<Listener> _listeners = [];

    /// <summary>The whole state as the page reads it (set by the server).</summary>
    public Func<object>? StateOf { get; set; }

    public int Listeners { get { lock (_gate) return _listeners.Count; } }

    public void State() => Send("state", StateOf?.Invoke());
    public void Month(MonthRecord record, StoryEntry? story) => Send("month", new { record, story });
    public void Lever(Pull pull) => Send("lever", pull);
    public void Follow() => Send("state", StateOf?.Invoke());

    public void Complete()
    {
        lock (_gate)
            foreach (var l in _listeners) l.Channel.Writer.TryComplete();
    }

    /// <summary>The events for one listener, the current state first, until it goes away.</summary>
    public async IAsyncEnumerable<SseItem<string>> Listen([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel)
    {
        var listener = new Listener(Channel.CreateBounded<SseItem<string>>(new BoundedChannelOptions(QueueLength)
        {
            FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true,
        }));
        lock (_gate) _listeners.Add(listener);
        try
        {
            yield return Item("state", StateOf?.Invoke());
            await foreach (var item in listener.Channel.Reader.ReadAllAsync(cancel))
                yield return item;
        }
        finally
        {
            lock (_gate) _listeners.Remove(listener);
        }
    }

    private void Send(string type, object? payload)
    {
        if (payload is null) return;
        var item = Item(type, payload);
        lock (_gate)
            foreach (var l in _listeners) l.Channel.Writer.TryWrite(item);
    }

    private static SseItem<string> Item(string type, object? payload) => new(JsonSerializer.Serialize(payload, Json), type);

    private sealed record Listener(Channel<SseItem<string>> Channel);
}
