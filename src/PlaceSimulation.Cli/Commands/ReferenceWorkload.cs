namespace PlaceSimulation.Cli.Commands;

/// <summary>
/// A fixed single-thread workload that `placesim bench` times beside the pure loop, so that
/// figures from different machines (or a loaded and a free one) can be compared: the pure
/// loop's rate divided by this workload's rate. Plain C# arithmetic and memory, independent
/// of the model: two million 64-bit numbers are generated (SplitMix64), sorted, and folded
/// into a checksum, four times over (32 MB of arrays touched each time). This code must
/// never change, or figures recorded with it stop being comparable (docs/PERFORMANCE.md).
/// </summary>
public static class ReferenceWorkload
{
    public const int Length = 1 << 21;
    public const int Rounds = 4;

    /// <summary>The checksum one run yields; a different value means the workload changed.</summary>
    public const ulong ExpectedChecksum = 0xC41956D96404347B;

    /// <summary>Runs the workload once and returns its checksum.</summary>
    public static ulong Run()
    {
        var values = new ulong[Length];
        var checksum = 0UL;
        for (var round = 0; round < Rounds; round++)
        {
            var z = 0x9E3779B97F4A7C15UL * (ulong)(round + 1);
            for (var i = 0; i < values.Length; i++)
            {
                z += 0x9E3779B97F4A7C15UL;
                var x = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
                values[i] = x ^ (x >> 31);
            }
            Array.Sort(values);
            for (var i = 0; i < values.Length; i += 7) checksum = (checksum ^ values[i]) * 0x100000001B3UL;
        }
        return checksum;
    }
}
