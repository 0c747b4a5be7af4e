using PlaceSimulation.Model.Randomness;

namespace PlaceSimulation.Model.Services;

/// <summary>
/// Deterministic allocation of scarce capacity: requests are served in
/// order of priority (highest first), ties broken by a hash of (replication, household,
/// month, service), then by household id. The result depends only on the set of requests,
/// never on the order in which they arrived or on which grain sent them.
/// </summary>
public static class ServiceAllocation
{
    /// <summary>Returns the granted household ids, ascending.</summary>
    public static int[] Allocate(ReadOnlySpan<int> households, ReadOnlySpan<int> priorities, int capacity,
        ulong replicationKey, ulong placeKey, int month, ServiceKind service)
    {
        var n = households.Length;
        if (capacity <= 0 || n == 0) return [];
        if (capacity >= n)
        {
            var all = households.ToArray();
            Array.Sort(all);
            return all;
        }

        // One 64-bit sort key per request: priority (16 bits, inverted so higher sorts
        // first), a 16-bit hashed tie-break, then the id (32 bits). Keys are unique, so
        // any correct sort gives the same order.
        var keys = new ulong[n];
        for (var i = 0; i < n; i++)
        {
            var id = households[i];
            var tie = CounterRng.Bits(CounterRng.EntityMonthKey(replicationKey, placeKey + (ulong)(uint)id, month),
                RandomStream.TieBreak, (int)service) >> 48;
            keys[i] = ((ulong)(Priority.Max - priorities[i]) << 48) | (tie << 32) | (uint)id;
        }
        Array.Sort(keys);
        var granted = new int[capacity];
        for (var i = 0; i < capacity; i++) granted[i] = (int)(uint)keys[i];
        Array.Sort(granted);
        return granted;
    }
}
