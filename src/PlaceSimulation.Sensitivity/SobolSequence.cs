namespace PlaceSimulation.Sensitivity;

/// <summary>
/// The Sobol low-discrepancy sequence in [0, 1)^d, 32-bit, built in Gray-code order (Antonov and
/// Saleev, 1979): point n is point n − 1 with the direction number of the lowest zero bit of
/// n − 1 XOR-ed in, per dimension. Dimension 1 is the van der Corput sequence in base 2; the other
/// dimensions use the direction numbers of S. Joe and F. Y. Kuo, "Constructing Sobol sequences
/// with better two-dimensional projections", SIAM J. Sci. Comput. 30 (2008) 2635–2654
/// (table new-joe-kuo-6.21201, first 40 rows, embedded below), so up to 41 dimensions.
/// Point 0 is the origin; quasi-Monte Carlo users often skip it (see <c>skip</c>).
/// </summary>
public static class SobolSequence
{
    private const int Bits = 32;

    /// <summary>
    /// Rows of new-joe-kuo-6.21201 for dimensions 2..41: the degree s of the primitive
    /// polynomial, its coefficient code a, and the initial direction numbers m_1..m_s.
    /// Source: Joe and Kuo (2008), https://web.maths.unsw.edu.au/~fkuo/sobol/ .
    /// </summary>
    private static readonly (int S, int A, int[] M)[] JoeKuo =
    [
        (1, 0, [1]),
        (2, 1, [1, 3]),
        (3, 1, [1, 3, 1]),
        (3, 2, [1, 1, 1]),
        (4, 1, [1, 1, 3, 3]),
        (4, 4, [1, 3, 5, 13]),
        (5, 2, [1, 1, 5, 5, 17]),
        (5, 4, [1, 1, 5, 5, 5]),
        (5, 7, [1, 1, 7, 11, 19]),
        (5, 11, [1, 1, 5, 1, 1]),
        (5, 13, [1, 1, 1, 3, 11]),
        (5, 14, [1, 3, 5, 5, 31]),
        (6, 1, [1, 3, 3, 9, 7, 49]),
        (6, 13, [1, 1, 1, 15, 21, 21]),
        (6, 16, [1, 3, 1, 13, 27, 49]),
        (6, 19, [1, 1, 1, 15, 7, 5]),
        (6, 22, [1, 3, 1, 15, 13, 25]),
        (6, 25, [1, 1, 5, 5, 19, 61]),
        (7, 1, [1, 3, 7, 11, 23, 15, 103]),
        (7, 4, [1, 3, 7, 13, 13, 15, 69]),
        (7, 7, [1, 1, 3, 13, 7, 35, 63]),
        (7, 8, [1, 3, 5, 9, 1, 25, 53]),
        (7, 14, [1, 3, 1, 13, 9, 35, 107]),
        (7, 19, [1, 3, 1, 5, 27, 61, 31]),
        (7, 21, [1, 1, 5, 11, 19, 41, 61]),
        (7, 28, [1, 3, 5, 3, 3, 13, 69]),
        (7, 31, [1, 1, 7, 13, 1, 19, 1]),
        (7, 32, [1, 3, 7, 5, 13, 19, 59]),
        (7, 37, [1, 1, 3, 9, 25, 29, 41]),
        (7, 41, [1, 3, 5, 13, 23, 1, 55]),
        (7, 42, [1, 3, 7, 3, 13, 59, 17]),
        (7, 50, [1, 3, 1, 3, 5, 53, 69]),
        (7, 55, [1, 1, 5, 5, 23, 33, 13]),
        (7, 56, [1, 1, 7, 7, 1, 61, 123]),
        (7, 59, [1, 1, 7, 9, 13, 61, 49]),
        (7, 62, [1, 3, 3, 5, 3, 55, 33]),
        (8, 14, [1, 3, 1, 15, 31, 13, 49, 245]),
        (8, 21, [1, 3, 5, 15, 31, 59, 63, 97]),
        (8, 22, [1, 3, 1, 11, 11, 11, 77, 249]),
        (8, 38, [1, 3, 1, 11, 27, 43, 71, 9]),
    ];

    /// <summary>The largest number of dimensions supported.</summary>
    public static int MaxDimensions => JoeKuo.Length + 1;

    /// <summary>
    /// Points <paramref name="skip"/> .. <paramref name="skip"/> + <paramref name="count"/> − 1 of
    /// the sequence, each an array of <paramref name="dimensions"/> values in [0, 1).
    /// </summary>
    public static double[][] Generate(int count, int dimensions, int skip = 0)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "must not be negative");
        if (skip < 0) throw new ArgumentOutOfRangeException(nameof(skip), skip, "must not be negative");
        if (dimensions < 1 || dimensions > MaxDimensions)
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, $"must be in 1..{MaxDimensions}");
        if ((long)count + skip > 1L << Bits)
            throw new ArgumentOutOfRangeException(nameof(count), "a 32-bit Sobol sequence has at most 2^32 points");

        var v = new uint[dimensions][];
        for (var j = 0; j < dimensions; j++) v[j] = DirectionNumbers(j);

        var x = new uint[dimensions];
        var points = new double[count][];
        const double scale = 1.0 / (1UL << Bits);
        var total = (long)count + skip;
        for (long n = 0; n < total; n++)
        {
            if (n > 0)
            {
                // Gray code: x_n = x_{n-1} XOR v_c, c = position of the lowest zero bit of n - 1.
                var c = System.Numerics.BitOperations.TrailingZeroCount(~(ulong)(n - 1));
                for (var j = 0; j < dimensions; j++) x[j] ^= v[j][c];
            }
            if (n < skip) continue;
            var p = new double[dimensions];
            for (var j = 0; j < dimensions; j++) p[j] = x[j] * scale;
            points[n - skip] = p;
        }
        return points;
    }

    /// <summary>
    /// Direction numbers v_1..v_32 of dimension <paramref name="j"/> (0-based), scaled by 2^32 and
    /// indexed from 0: v[k] = m_{k+1} · 2^(32−(k+1)). Beyond the initial m_k, Sobol's recurrence
    /// m_k = 2a_1 m_{k−1} ⊕ 2²a_2 m_{k−2} ⊕ … ⊕ 2^(s−1)a_{s−1} m_{k−s+1} ⊕ 2^s m_{k−s} ⊕ m_{k−s}.
    /// </summary>
    private static uint[] DirectionNumbers(int j)
    {
        var v = new uint[Bits];
        if (j == 0)
        {
            for (var k = 0; k < Bits; k++) v[k] = 1u << (Bits - 1 - k);
            return v;
        }
        var (s, a, m) = JoeKuo[j - 1];
        for (var k = 0; k < Math.Min(s, Bits); k++) v[k] = (uint)m[k] << (Bits - 1 - k);
        for (var k = s; k < Bits; k++)
        {
            var value = v[k - s] ^ (v[k - s] >> s);
            for (var i = 1; i < s; i++)
            {
                // a's bits, most significant first, are the polynomial coefficients a_1..a_{s-1}.
                if (((a >> (s - 1 - i)) & 1) != 0) value ^= v[k - i];
            }
            v[k] = value;
        }
        return v;
    }
}
