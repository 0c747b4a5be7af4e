using PlaceSimulation.Model.Services;

namespace PlaceSimulation.Model.Simulation;

/// <summary>A block of consecutive household ids.</summary>
public readonly record struct BlockRange(int FirstId, int Count)
{
    public int EndId => FirstId + Count;

    /// <summary>Splits ids 0..households-1 into consecutive blocks of at most blockSize.</summary>
    public static BlockRange[] Split(int households, int blockSize)
    {
        if (households <= 0) throw new ArgumentOutOfRangeException(nameof(households), "a place needs at least one household");
        if (blockSize <= 0) throw new ArgumentOutOfRangeException(nameof(blockSize), "households per grain must be at least 1");
        var n = (households + blockSize - 1) / blockSize;
        var blocks = new BlockRange[n];
        for (var i = 0; i < n; i++)
        {
            var first = i * blockSize;
            blocks[i] = new BlockRange(first, Math.Min(blockSize, households - first));
        }
        return blocks;
    }
}

/// <summary>
/// Where a place's households and services live: in this process (the pure loop) or in
/// grains. The monthly tick (<see cref="MonthlyTick"/>) is written once against this
/// interface, so hosting never changes a number.
/// </summary>
public interface IPlaceRuntime
{
    IReadOnlyList<BlockRange> Blocks { get; }

    /// <summary>Phase 2: every block updates its households; one batch of requests per block, in block order.</summary>
    Task<IReadOnlyList<BlockRequests>> UpdateHouseholdsAsync(MonthContext ctx);

    /// <summary>Phase 3: one service allocates its capacity among the requests made to it.</summary>
    Task<ServiceDecision> DecideAsync(MonthContext ctx, ServiceKind service, double capacitySimulated, int[] households, int[] priorities);

    /// <summary>Phase 4: every block applies what it was granted; one set of counters per block, in block order.</summary>
    Task<IReadOnlyList<long[]>> ApplyOutcomesAsync(MonthContext ctx, IReadOnlyList<BlockGrants> grants);
}
