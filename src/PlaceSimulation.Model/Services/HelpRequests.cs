using System.Runtime.CompilerServices;

namespace PlaceSimulation.Model.Services;

/// <summary>
/// The requests for help one block of households makes in a month, grouped by service
/// (compressed-row layout: the requests to service s are at Offsets[s]..Offsets[s+1]).
/// One message per block and month carries them all. Household ids
/// ascend within each service.
/// </summary>
public sealed record BlockRequests(int[] Offsets, int[] Households, int[] Priorities, int OnCaseload)
{
    public int Count(ServiceKind s) => Offsets[(int)s + 1] - Offsets[(int)s];

    public ReadOnlySpan<int> HouseholdsOf(ServiceKind s) => Households.AsSpan(Offsets[(int)s], Count(s));
    public ReadOnlySpan<int> PrioritiesOf(ServiceKind s) => Priorities.AsSpan(Offsets[(int)s], Count(s));
}

/// <summary>What a block's households were granted: household ids (ascending) and a bit per service.</summary>
public sealed record BlockGrants(int[] Households, ushort[] Granted)
{
    public static BlockGrants None { get; } = new([], []);
}

/// <summary>Collects a block's requests during the household phase, then packs them into one message.</summary>
public sealed class RequestBuilder
{
    private readonly List<int>[] _households = new List<int>[ServiceKinds.Count];
    private readonly List<int>[] _priorities = new List<int>[ServiceKinds.Count];

    public RequestBuilder()
    {
        for (var s = 0; s < ServiceKinds.Count; s++)
        {
            _households[s] = new List<int>();
            _priorities[s] = new List<int>();
        }
    }

    public void Clear()
    {
        for (var s = 0; s < ServiceKinds.Count; s++)
        {
            _households[s].Clear();
            _priorities[s].Clear();
        }
    }

    public void Add(ServiceKind s, int household, int priority)
    {
        _households[(int)s].Add(household);
        _priorities[(int)s].Add(Priority.Clamp(priority));
    }

    public BlockRequests Build(int onCaseload)
    {
        var offsets = new int[ServiceKinds.Count + 1];
        for (var s = 0; s < ServiceKinds.Count; s++) offsets[s + 1] = offsets[s] + _households[s].Count;
        var ids = new int[offsets[^1]];
        var pr = new int[offsets[^1]];
        for (var s = 0; s < ServiceKinds.Count; s++)
        {
            _households[s].CopyTo(ids, offsets[s]);
            _priorities[s].CopyTo(pr, offsets[s]);
        }
        return new BlockRequests(offsets, ids, pr, onCaseload);
    }
}

/// <summary>
/// Priority of a request: higher is seen first. The most severe need counts most; each
/// month already waited adds to it, so nobody waits for ever behind newer, slightly more
/// severe cases (stated assumption: one month's wait is worth 0.025 of severity).
/// </summary>
public static class Priority
{
    public const int Max = 65535;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(double severity, int monthsWaiting) => Clamp((int)(severity * 40000) + monthsWaiting * 1000);

    /// <summary>As <see cref="Of(double, int)"/>, with each month waited worth <paramref name="severityPerMonth"/> of severity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(double severity, int monthsWaiting, double severityPerMonth) =>
        Clamp((int)((severity + monthsWaiting * severityPerMonth) * 40000));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Clamp(int p) => Math.Clamp(p, 0, Max);
}
