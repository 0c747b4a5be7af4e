using PlaceSimulation.Model.Services;
using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Grains;

/// <summary>
/// One job of a run: a place in one arm and replication (key: <see cref="GrainKeys.Job"/>,
/// unique to each attempt). The run's client starts it with everything it needs and pulls
/// its months one at a time, so results stream to the client as each month finishes and a
/// paused client costs nothing. It runs the monthly tick phase by phase: levers,
/// households, services, outcomes, metrics. A job that finds its state gone (its grains
/// were collected, or their silo died) fails loudly; the client runs it again under a new key.
/// </summary>
[Alias("ps.IPlaceGrain")]
public interface IPlaceGrain : IGrainWithStringKey
{
    /// <summary>
    /// Sets up the job's household blocks and services. The silo checks the job as the CLI
    /// checks a scenario (<c>RunChecks.Job</c>: months, size, every parameter and lever within
    /// bounds) and refuses one it cannot run, or a second start, with an
    /// <see cref="ArgumentException"/> or <see cref="InvalidOperationException"/>.
    /// <paramref name="owner"/> is a secret the run's client makes (a random <see cref="Guid"/>,
    /// never in a grain key): only a caller that knows it may step, steer or retire the job.
    /// </summary>
    [Alias("Start")] Task Start(PlaceJob job, Guid owner);

    /// <summary>
    /// Sets up the job from a copy of another job of the same owner, <paramref name="from"/>, as it
    /// stands between two months: its households, services and place signals. The two must be the
    /// same place, replication and run, with no lever of either before that month (the arms of a
    /// run share their burn-in and any months before the first lever); the job then goes on with
    /// its own levers, exactly as if it had run those months itself. Checked and refused as
    /// <see cref="Start"/> is; <paramref name="from"/> must not be stepped until this returns.
    /// </summary>
    [Alias("Fork")] Task Fork(PlaceJob job, Guid owner, IPlaceGrain from);

    /// <summary>Where the job stands between two months, for <see cref="Fork"/>; the run's owner only.</summary>
    [Alias("ForkPoint")] Task<PlaceForkPoint> ForkPoint(Guid owner);

    /// <summary>Runs the next month (burn-in months first) and returns its counters; the run's owner only.</summary>
    [Alias("AdvanceMonth")] Task<PlaceMonthReport> AdvanceMonth(Guid owner);

    /// <summary>
    /// Adds a lever from a month not yet run (a trainer pulling a lever on a running world); the
    /// run's owner only. The lever is checked as the scenario's own levers are: a known parameter,
    /// a finite value, and the parameter within its bounds after every change in order.
    /// </summary>
    [Alias("PullLever")] Task PullLever(ParameterChange change, Guid owner);

    /// <summary>One household of the job; an id outside the place is refused without touching any other grain.</summary>
    [Alias("GetHousehold")] Task<HouseholdView> GetHousehold(int id);

    /// <summary>Deactivates the job, its services and its household blocks (the run no longer needs them); the run's owner only.</summary>
    [Alias("Retire")] Task Retire(Guid owner);

    /// <summary>For the run's owner (through <see cref="IRunRegistryGrain.Cancel"/>): the job stops; its next month or lever throws <see cref="RunCancelledException"/>.</summary>
    [Alias("Cancel")] Task Cancel(Guid owner);
}

/// <summary>
/// One local service of one job (key: job key / service name): turns capacity into
/// decisions, allocating scarce capacity by a deterministic rule. It carries a fraction of
/// capacity from month to month, so it checks that months arrive in order from its start.
/// </summary>
[Alias("ps.IServiceGrain")]
public interface IServiceGrain : IGrainWithStringKey
{
    [Alias("Start")] Task Start(int firstMonth);

    /// <summary>Starts at <paramref name="month"/> with a fraction of capacity carried into it (a job forked from another).</summary>
    [Alias("StartAt")] Task StartAt(int month, double carry);

    /// <summary>The fraction of capacity this service carries into its next month.</summary>
    [Alias("Carry")] Task<double> Carry();
    [Alias("Decide")] Task<Immutable<ServiceDecision>> Decide(Immutable<ServiceCall> call);
    [Alias("Retire")] Task Retire();
}

/// <summary>
/// A block of consecutive households of one job (key: job key / b{index}); one household
/// per block is allowed for small, inspectable runs.
/// </summary>
[Alias("ps.IHouseholdBlockGrain")]
public interface IHouseholdBlockGrain : IGrainWithStringKey
{
    [Alias("Initialise")] Task Initialise(BlockSetup setup);

    /// <summary>Sets up the block with a copy of another block's households of the same ids (a job forked from another).</summary>
    [Alias("Adopt")] Task Adopt(int firstId, int count, IHouseholdBlockGrain from);

    /// <summary>The block's households between months, as bytes (for <see cref="Adopt"/>, in silos of the same build).</summary>
    [Alias("Export")] Task<Immutable<byte[]>> Export();
    [Alias("Update")] Task<Immutable<BlockRequests>> Update(Immutable<MonthContext> context);
    [Alias("Apply")] Task<Immutable<long[]>> Apply(Immutable<MonthContext> context, Immutable<BlockGrants> grants);
    [Alias("GetHousehold")] Task<HouseholdView> GetHousehold(int id);
    [Alias("Retire")] Task Retire();
}
