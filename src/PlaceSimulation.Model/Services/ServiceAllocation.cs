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
        // Only the first `capacity` keys in order are granted: select them (keys are unique, so the
        // set is the same as a full sort's), and sort only the ids granted.
        SelectSmallest(keys, capacity);
        var granted = new int[capacity];
        for (var i = 0; i < capacity; i++) granted[i] = (int)(uint)keys[i];
        Array.Sort(granted);
        return granted;
    }

    /// <summary>
    /// Rearranges <paramref name="keys"/> so that its <paramref name="k"/> smallest come first (in
    /// any order): quickselect with a median-of-three pivot, O(n) on average.
    /// </summary>
    public static void SelectSmallest(Span<ulong> keys, int k)
    {
        int lo = 0, hi = keys.Length - 1;
        while (lo < hi && k > lo && k <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (keys[mid] < keys[lo]) (keys[mid], keys[lo]) = (keys[lo], keys[mid]);
            if (keys[hi] < keys[lo]) (keys[hi], keys[lo]) = (keys[lo], keys[hi]);
            if (keys[hi] < keys[mid]) (keys[hi], keys[mid]) = (keys[mid], keys[hi]);
            var pivot = keys[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (keys[i] < pivot) i++;
                while (keys[j] > pivot) j--;
                if (i <= j)
                {
                    (keys[i], keys[j]) = (keys[j], keys[i]);
                    i++;
                    j--;
                }
            }
            // Now keys[lo..j] <= pivot <= keys[i..hi], and everything between equals the pivot.
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return;
        }
    }
}
