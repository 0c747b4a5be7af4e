using System.Security.Cryptography;
using PlaceSimulation.Studio.Levers;

namespace PlaceSimulation.Studio.Sessions;

/// <summary>A participant in the room: a name, and the role the facilitator gave (observer until then).</summary>
/// <param name="Id">the participant's secret (its browser sends it with each request)</param>
/// <param name="Handle">how the room names the participant in public (p1, p2, ...)</param>
public sealed record Participant(string Id, string Handle, string Name, Role Role, DateTimeOffset Joined);

/// <summary>
/// Who is in the session (as HubNet has clients): a room code participants join with, a
/// facilitator token printed at start, and the participants with their roles. The token and
/// the participants' ids are random and long enough not to be guessed; the room code is short
/// enough to read out in a room.
/// </summary>
public sealed class Room
{
    /// <summary>At most this many participants join one session.</summary>
    public const int MaxParticipants = 200;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Participant> _participants = new(StringComparer.Ordinal);
    private int _joined;

    public Room(string? code = null, string? token = null)
    {
        Code = code ?? NewCode();
        Token = token ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    }

    /// <summary>Six characters without the ones that read alike (0/O, 1/I/L).</summary>
    public string Code { get; }

    public string Token { get; }

    /// <summary>Participants' levers are locked (the facilitator's are not).</summary>
    public bool Locked { get; private set; }

    public IReadOnlyList<Participant> Participants
    {
        get { lock (_gate) return _participants.Values.OrderBy(p => p.Joined).ToList(); }
    }

    public Participant Join(string code, string name)
    {
        if (!string.Equals(code?.Trim(), Code, StringComparison.OrdinalIgnoreCase))
            throw new StudioException(403, "that room code is not this session's: ask the facilitator for the code on their screen");
        name = (name ?? "").Trim();
        if (name.Length is 0 or > 40) throw new StudioException(400, "name: expected 1 to 40 characters");
        lock (_gate)
        {
            if (_participants.Count >= MaxParticipants) throw new StudioException(409, $"the room is full ({MaxParticipants} participants)");
            var p = new Participant(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), $"p{++_joined}", name, Role.Observer, DateTimeOffset.UtcNow);
            _participants[p.Id] = p;
            return p;
        }
    }

    public Participant? Find(string? id)
    {
        if (string.IsNullOrEmpty(id)) return null;
        lock (_gate) return _participants.GetValueOrDefault(id);
    }

    /// <summary>Gives the participant with this public handle a role.</summary>
    public Participant Assign(string handle, Role role)
    {
        if (role == Role.Facilitator) throw new StudioException(400, "role: a participant can be national, council, voluntary or observer");
        lock (_gate)
        {
            var p = _participants.Values.FirstOrDefault(x => x.Handle == handle)
                    ?? throw new StudioException(404, $"no participant '{handle}' in this room");
            p = p with { Role = role };
            _participants[p.Id] = p;
            return p;
        }
    }

    public void Lock(bool locked) => Locked = locked;

    public bool IsToken(string? token) =>
        token is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(token), System.Text.Encoding.UTF8.GetBytes(Token));

    private static string NewCode()
    {
        const string letters = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        return new string(Enumerable.Range(0, 6).Select(_ => letters[RandomNumberGenerator.GetInt32(letters.Length)]).ToArray());
    }
}

/// <summary>A request the studio refuses: an HTTP status and one plain sentence.</summary>
public sealed class StudioException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
