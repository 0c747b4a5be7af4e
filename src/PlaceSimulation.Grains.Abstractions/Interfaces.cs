using PlaceSimulation.Model.Services;
using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Grains;

/// <summary>
/// A run (key: the run id): arms × replications × places, each place stepped month by month.
/// Start returns at once; the run goes on in the cluster while clients watch its progress.
/// </summary>
[Alias("ps.ISimulationGrain")]
public interface ISimulationGrain : IGrainWithStringKey
{
    [Alias("Start")] Task Start(RunSpec spec);
    [Alias("GetProgress")] Task<RunProgress> GetProgress();

    /// <summary>The counters of every arm, replication, place and month; fails if the run has not finished.</summary>
    [Alias("GetResults")] Task<RunResults> GetResults();
}

/// <summary>
/// The national levers of one arm and replication (key: the world key): their timeline, and
/// levers pulled while it runs. Places read it each month.
/// </summary>
[Alias("ps.INationalPolicyGrain")]
public interface INationalPolicyGrain : IGrainWithStringKey
{
    [Alias("Initialise")] Task Initialise(ParameterChange[] changes);
    [Alias("GetVersion")] Task<int> GetVersion();
    [Alias("GetTimeline")] Task<PolicyTimeline> GetTimeline();
    [Alias("PullLever")] Task PullLever(ParameterChange change);
}

/// <summary>
/// A local authority area in one arm and replication (key: world key / place id). It runs the
/// monthly tick phase by phase: levers, households, services, outcomes, metrics.
/// </summary>
[Alias("ps.IPlaceGrain")]
public interface IPlaceGrain : IGrainWithStringKey
{
    [Alias("Initialise")] Task Initialise(PlaceSetup setup);
    [Alias("AdvanceMonth")] Task<PlaceMonthReport> AdvanceMonth();
    [Alias("GetHousehold")] Task<HouseholdView> GetHousehold(int id);

    /// <summary>Deactivates the place, its services and its household blocks (the run no longer needs them).</summary>
    [Alias("Retire")] Task Retire();
}

/// <summary>
/// One local service of one place (key: place key / service name): turns capacity into
/// decisions, allocating scarce capacity by a deterministic rule.
/// </summary>
[Alias("ps.IServiceGrain")]
public interface IServiceGrain : IGrainWithStringKey
{
    [Alias("Decide")] Task<Immutable<ServiceDecision>> Decide(Immutable<ServiceCall> call);
    [Alias("Retire")] Task Retire();
}

/// <summary>
/// A block of consecutive households of one place (key: place key / b{index}); one
/// household per block is allowed for small, inspectable runs.
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
