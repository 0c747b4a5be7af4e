using PlaceSimulation.Grains;
using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Runs;

/// <summary>
/// Runs jobs on an Orleans cluster: each attempt at a job is a place grain of its own
/// (with its household blocks and services), started with everything the job needs and
/// asked for its months one at a time, so results stream to this client as they finish.
/// The run is driven from here: no grain holds the run, so losing any silo loses only the
/// jobs it held, and the pipeline runs those again.
/// </summary>
public sealed class OrleansEngine(IClusterClient client, string name) : IRunEngine
{
    /// <summary>Households held in memory across running jobs, at most (beyond one job).</summary>
    public const long HouseholdsInFlight = 4_000_000;

    /// <summary>A grain call that has not answered in this long has failed (Orleans' own response timeout is 30 s).</summary>
    public static readonly TimeSpan CallLimit = ClusterDefaults.CallLimit;

    public string Name => name;

    /// <summary>
    /// This client's owner secret, for every job it starts: only it can step, steer, retire or
    /// cancel them (grain keys can be listed; this cannot). Never sent anywhere but to the jobs.
    /// </summary>
    public Guid Owner { get; } = Guid.NewGuid();

    /// <summary>The runs the cluster is running now, this client's and others' (docs/CLIENT.md).</summary>
    public Task<IReadOnlyList<RunListing>> ListRunsAsync(CancellationToken cancel = default) =>
        client.GetGrain<IRunRegistryGrain>(ClusterDefaults.RunRegistryKey).List().WaitAsync(CallLimit, cancel);

    /// <summary>Cancels a run this client started: its jobs stop at their next month and are not run again; the jobs told.</summary>
    public Task<int> CancelRunAsync(string runId, CancellationToken cancel = default) =>
        client.GetGrain<IRunRegistryGrain>(ClusterDefaults.RunRegistryKey).Cancel(runId, Owner).WaitAsync(CallLimit, cancel);

    public async Task<int> ActiveSilosAsync(CancellationToken cancel) =>
        (await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(CallLimit, cancel)).Count;

    public int Lanes(RunSpec spec, int silos)
    {
        var largest = spec.Places.Max(p => (long)p.SimulatedHouseholds);
        return (int)Math.Clamp(HouseholdsInFlight / Math.Max(1, largest), 1, 4L * Environment.ProcessorCount * Math.Max(1, silos));
    }

    public async Task<IJobSession> StartAsync(string runId, PlaceJob job, int attempt, CancellationToken cancel)
    {
        var grain = client.GetGrain<IPlaceGrain>(GrainKeys.Job(runId, job.Arm, job.Replication, job.Place.Id, attempt));
        var session = new Session(grain, Owner);
        try
        {
            await grain.Start(job, session.Owner).WaitAsync(CallLimit, cancel);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
        return session;
    }

    public bool CanFork => true;

    public async Task<IJobSession> ForkAsync(string runId, IJobSession from, PlaceJob job, int attempt, CancellationToken cancel)
    {
        var source = (Session)from;
        var grain = client.GetGrain<IPlaceGrain>(GrainKeys.Job(runId, job.Arm, job.Replication, job.Place.Id, attempt));
        var session = new Session(grain, Owner);
        try
        {
            await grain.Fork(job, session.Owner, source.Grain).WaitAsync(CallLimit, cancel);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
        return session;
    }

    private sealed class Session(IPlaceGrain grain, Guid owner) : IJobSession
    {
        public Guid Owner => owner;

        public IPlaceGrain Grain => grain;

        public async Task<JobMonth> NextMonthAsync(CancellationToken cancel)
        {
            var r = await grain.AdvanceMonth(owner).WaitAsync(CallLimit, cancel);
            return new JobMonth(r.Month, r.Counters, r.Finished);
        }

        public Task PullLeverAsync(ParameterChange change, CancellationToken cancel) => grain.PullLever(change, owner).WaitAsync(CallLimit, cancel);

        public Task<HouseholdView> HouseholdAsync(int id, CancellationToken cancel) => grain.GetHousehold(id).WaitAsync(CallLimit, cancel);

        /// <summary>Releases the job's grains; a silo that is gone releases them by itself (they idle out).</summary>
        public async ValueTask DisposeAsync()
        {
            try
            {
                await grain.Retire(owner).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception)
            {
                // The grains are released anyway when they have been idle for SiloDefaults.IdleRelease.
            }
        }
    }
}
