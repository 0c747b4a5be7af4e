using PlaceSimulation.Model.Metrics;

namespace PlaceSimulation.Model.Simulation;

/// <summary>
/// The counters of every (arm, replication, place, month) of a run, in one flat array
/// (the collector's output; presenters turn it into tables and charts).
/// </summary>
public sealed class RunResults
{
    public RunResults(int arms, int replications, int places, int months)
        : this(arms, replications, places, months, new long[(long)arms * replications * places * months * Counter.Count])
    {
    }

    public RunResults(int arms, int replications, int places, int months, long[] counters)
    {
        if (counters.LongLength != (long)arms * replications * places * months * Counter.Count)
            throw new ArgumentException("counter array has the wrong length for the run's shape");
        Arms = arms;
        Replications = replications;
        Places = places;
        Months = months;
        Counters = counters;
    }

    public static RunResults For(RunSpec spec) => new(spec.Arms.Count, spec.Replications, spec.Places.Count, spec.Months);

    public int Arms { get; }
    public int Replications { get; }
    public int Places { get; }
    public int Months { get; }
    public long[] Counters { get; }

    private long Offset(int arm, int replication, int place, int month) =>
        ((((long)arm * Replications + replication) * Places + place) * Months + month) * Counter.Count;

    public ReadOnlySpan<long> Get(int arm, int replication, int place, int month) =>
        Counters.AsSpan((int)Offset(arm, replication, place, month), Counter.Count);

    public void Set(int arm, int replication, int place, int month, ReadOnlySpan<long> counters)
    {
        if (counters.Length != Counter.Count) throw new ArgumentException($"expected {Counter.Count} counters");
        counters.CopyTo(Counters.AsSpan((int)Offset(arm, replication, place, month), Counter.Count));
    }
}
