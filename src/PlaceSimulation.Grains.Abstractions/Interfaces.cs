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
    /// <summary>Sets up the job's household blocks and services; refuses a job it cannot run, or a second start.</summary>
    [Alias("Start")] Task Start(PlaceJob job);

    /// <summary>Runs the next month (burn-in months first) and returns its counters.</summary>
    [Alias("AdvanceMonth")] Task<PlaceMonthReport> AdvanceMonth();

    /// <summary>Adds a lever from a month not yet run (a trainer pulling a lever on a running world).</summary>
    [Alias("PullLever")] Task PullLever(ParameterChange change);

    [Alias("GetHousehold")] Task<HouseholdView> GetHousehold(int id);

    /// <summary>Deactivates the job, its services and its household blocks (the run no longer needs them).</summary>
    [Alias("Retire")] Task Retire();
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
    [Alias("Update")] Task<Immutable<BlockRequests>> Update(Immutable<MonthContext> context);
    [Alias("Apply")] Task<Immutable<long[]>> Apply(Immutable<MonthContext> context, Immutable<BlockGrants> grants);
    [Alias("GetHousehold")] Task<HouseholdView> GetHousehold(int id);
    [Alias("Retire")] Task Retire();
}
