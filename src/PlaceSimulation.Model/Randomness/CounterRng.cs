using System.Runtime.CompilerServices;

namespace PlaceSimulation.Model.Randomness;

/// <summary>
/// Counter-based randomness. A number is a pure function of
/// (seed, replication, entity, month, stream): no shared generator, no dependence on the
/// order in which grains run or on how households are grouped into grains. The same
/// (seed, replication) in every arm gives common random numbers across arms, so arm
/// differences come from policy, not noise.
/// </summary>
/// <remarks>
/// The mixing function is the SplitMix64 finaliser (Steele, Lea and Flood 2014), applied
/// once per key component; it passes BigCrush as a counter-based generator when keys are
/// distinct. Cost: one 64-bit mix per draw once the (entity, month) key is built.
/// </remarks>
public static class CounterRng
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The key of one replication of a run: every draw in it descends from this.</summary>
    public static ulong ReplicationKey(ulong seed, int replication) =>
        Mix(Mix(seed ^ Golden) ^ ((ulong)(uint)replication * 0xD1B54A32D192ED03UL));

    /// <summary>The key of one entity (a household, a service) in one month.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong EntityMonthKey(ulong replicationKey, ulong entity, int month) =>
        Mix(Mix(replicationKey ^ (entity * 0xA0761D6478BD642FUL)) ^ ((ulong)(uint)(month + 1) * 0xE7037ED1A0B428DBUL));

    /// <summary>Raw 64 random bits for a stream under an entity-month key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(ulong entityMonthKey, RandomStream stream) =>
        Mix(entityMonthKey ^ ((ulong)stream * Golden));

    /// <summary>Raw bits for one of several draws of the same stream in a month (e.g. one per service).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(ulong entityMonthKey, RandomStream stream, int sub) =>
        Mix(entityMonthKey ^ ((ulong)stream * Golden) ^ ((ulong)(uint)(sub + 1) * 0xC2B2AE3D27D4EB4FUL));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uniform(ulong entityMonthKey, RandomStream stream, int sub) =>
        (Bits(entityMonthKey, stream, sub) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform number in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uniform(ulong entityMonthKey, RandomStream stream) =>
        (Bits(entityMonthKey, stream) >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability p (p outside [0, 1] is clamped).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Chance(ulong entityMonthKey, RandomStream stream, double p) =>
        Uniform(entityMonthKey, stream) < p;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Chance(ulong entityMonthKey, RandomStream stream, int sub, double p) =>
        Uniform(entityMonthKey, stream, sub) < p;

    /// <summary>A standard normal variate (Box–Muller on two sub-streams of one draw).</summary>
    public static double Normal(ulong entityMonthKey, RandomStream stream) => NormalFrom(Bits(entityMonthKey, stream));

    public static double Normal(ulong entityMonthKey, RandomStream stream, int sub) => NormalFrom(Bits(entityMonthKey, stream, sub));

    private static double NormalFrom(ulong bits)
    {
        var u1 = ((bits >> 11) + 1) * (1.0 / ((1UL << 53) + 1));
        var u2 = (Mix(bits) >> 11) * (1.0 / (1UL << 53));
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
