using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PlaceSimulation.Model.Metrics;

/// <summary>
/// A block's counters as the household loop adds into them: the array's length is checked
/// once, when the tally is made, so each add in the hot loop is one memory add with no bounds
/// check. Indices are the <see cref="Counter"/> constants (all below <see cref="Counter.Count"/>).
/// </summary>
public readonly ref struct CounterTally
{
    private readonly ref long _first;

    public CounterTally(long[] counters)
    {
        if (counters.Length < Counter.Count) throw new ArgumentException($"a counter array has {counters.Length} slots, not {Counter.Count}", nameof(counters));
        _first = ref MemoryMarshal.GetArrayDataReference(counters);
    }

    /// <summary>The slot of counter <paramref name="index"/> (a <see cref="Counter"/> constant).</summary>
    public ref long this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            // Indices are constants or a base plus a domain: never out of range (debug builds check).
            System.Diagnostics.Debug.Assert((uint)index < Counter.Count);
            return ref Unsafe.Add(ref _first, index);
        }
    }

    /// <summary>0 or 1: a condition as a number to add, with no branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(bool condition) => condition ? 1 : 0;
}
