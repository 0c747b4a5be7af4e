using PlaceSimulation.Model.Calendar;

namespace PlaceSimulation.Model.Simulation;

/// <summary>
/// One (arm, replication, place) of a run: the unit of work that is scheduled, streamed and
/// re-run after a fault. It carries everything its host needs and nothing else: its own
/// place's parameters and the changes that apply to it (the arm's national levers and its
/// own local ones), never the other places of the run. Running a job is a pure function of
/// it, so a job run twice, anywhere, gives the same counters month by month.
/// </summary>
public sealed record PlaceJob(
    int Arm,
    int Replication,
    int PlaceIndex,
    PlaceSpec Place,
    YearMonth Start,
    int Months,
    int BurnInMonths,
    ulong Seed,
    IReadOnlyList<ParameterChange> Changes,
    int HouseholdsPerGrain)
{
    /// <summary>The job of one arm, replication and place of a run.</summary>
    public static PlaceJob Of(RunSpec run, int arm, int replication, int place)
    {
        var p = run.Places[place];
        return new PlaceJob(arm, replication, place, p, run.Start, run.Months, run.BurnInMonths, run.Seed,
            run.Arms[arm].Changes.Where(c => c.Place is null || c.Place == p.Id).ToArray(), run.HouseholdsPerGrain);
    }

    /// <summary>Months stepped in all, burn-in included.</summary>
    public int Steps => BurnInMonths + Months;

    /// <summary>The first month stepped (negative: burn-in).</summary>
    public int FirstMonth => -BurnInMonths;

    public YearMonth MonthAt(int month) => Start.AddMonths(month);

    public ParameterTimeline Timeline() => new(Place.BaseParameters, Changes);

    /// <summary>How logs and errors name the job.</summary>
    public override string ToString() => $"arm {Arm + 1}, replication {Replication + 1}, place {Place.Id}";

    /// <summary>What is wrong with the job, or null: a host checks what it is sent before it runs anything.</summary>
    public string? Problem()
    {
        if (Arm < 0 || Replication < 0 || PlaceIndex < 0) return "arm, replication and place must not be negative";
        if (Months < 1) return $"months must be at least 1, not {Months}";
        if (BurnInMonths < 0) return $"burn-in months must not be negative, not {BurnInMonths}";
        if (HouseholdsPerGrain < 1) return $"households per grain must be at least 1, not {HouseholdsPerGrain}";
        if (Place.SimulatedHouseholds < 1) return $"place {Place.Id} has no simulated households";
        return null;
    }
}
