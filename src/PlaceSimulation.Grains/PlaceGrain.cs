using PlaceSimulation.Model.Randomness;
using PlaceSimulation.Model.Services;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Grains;

/// <summary>
/// One job: a place in one arm and replication. It steps the place's clock month by month
/// through the model's <see cref="MonthlyTick"/>, acting as its runtime: phases 2 and 4 fan
/// out to the household block grains and wait for all (the barrier), phase 3 calls the
/// service grains. Requests and grants travel as one batch per block and service. It holds
/// only what its job carries (its own place's parameters and levers): nothing is read from
/// another grain that could have lost its state. It trusts nothing it is sent: a job and a
/// lever are checked as the CLI checks a scenario, only the caller that started the job (it
/// knows the owner secret) may step, steer or retire it, and a call to a key that holds no
/// job leaves no activation behind.
/// </summary>
public sealed class PlaceGrain : Grain, IPlaceGrain, IPlaceRuntime
{
    private PlaceJob? _job;
    private PlaceClock? _clock;
    private IHouseholdBlockGrain[] _blockGrains = [];
    private IServiceGrain[] _serviceGrains = [];
    private Guid _owner;
    private bool _cancelled;
    private bool _registered;

    /// <summary>How long leaving the registry may take when a job retires or is released.</summary>
    private static readonly TimeSpan RegistryLimit = TimeSpan.FromSeconds(2);

    private IRunRegistryGrain Registry => GrainFactory.GetGrain<IRunRegistryGrain>(ClusterDefaults.RunRegistryKey);

    public IReadOnlyList<BlockRange> Blocks { get; private set; } = [];

    public Task Start(PlaceJob job, Guid owner) => SetUpAsync(job, owner, null);

    public Task Fork(PlaceJob job, Guid owner, IPlaceGrain from) =>
        from is null ? throw Refused(new ArgumentException($"job {this.GetPrimaryKeyString()} cannot fork: no job to fork from was named")) : SetUpAsync(job, owner, from);

    public async Task<PlaceForkPoint> ForkPoint(Guid owner)
    {
        var clock = Running(owner);
        var carries = await Task.WhenAll(_serviceGrains.Select(g => g.Carry()));
        return new PlaceForkPoint(_job!, clock.Month, clock.Signals, carries, _blockGrains);
    }

    /// <summary>Checks the job, sets up its blocks and services (afresh, or copied from <paramref name="from"/>) and registers it.</summary>
    private async Task SetUpAsync(PlaceJob job, Guid owner, IPlaceGrain? from)
    {
        var key = this.GetPrimaryKeyString();
        if (_job is not null) throw new InvalidOperationException($"job {key} has already started");
        if (owner == Guid.Empty) Refuse(new ArgumentException($"job {key} cannot run: it has no owner secret"));
        if (job is null) throw Refused(new ArgumentException($"job {key} cannot run: no job was sent"));
        if (RunChecks.Job(job) is { } problem) Refuse(new ArgumentException($"job {key} cannot run: {problem}"));
        Blocks = BlockRange.Split(job.Place.SimulatedHouseholds, job.HouseholdsPerGrain);
        _blockGrains = Blocks.Select((_, i) => GrainFactory.GetGrain<IHouseholdBlockGrain>(GrainKeys.Block(key, i))).ToArray();
        _serviceGrains = ServiceKinds.All.Select(s => GrainFactory.GetGrain<IServiceGrain>(GrainKeys.Service(key, s))).ToArray();

        PlaceClock clock;
        if (from is null)
        {
            var replicationKey = CounterRng.ReplicationKey(job.Seed, job.Replication);
            var place = job.Place;
            await Task.WhenAll(Blocks.Select((b, i) =>
                    _blockGrains[i].Initialise(new BlockSetup(b.FirstId, b.Count, replicationKey, place.Key, place.BaseParameters)))
                .Concat(_serviceGrains.Select(s => s.Start(job.FirstMonth))));
            clock = new PlaceClock(job);
        }
        else
        {
            // Another job of this owner, as it stands between months: the same place, replication
            // and run, with no lever of either before that month, so its months are this job's.
            var point = await from.ForkPoint(owner);
            if (point is null || point.Job is null || point.Signals is null || point.Carries?.Length != _serviceGrains.Length || point.Blocks?.Length != Blocks.Count)
                throw Refused(new InvalidOperationException($"job {key} cannot fork: the job it forks from sent an incomplete state"));
            if (PlaceClock.ForkProblem(point.Job, point.Month, job) is { } cannot) Refuse(new ArgumentException($"job {key} cannot fork: {cannot}"));
            await Task.WhenAll(Blocks.Select((b, i) => _blockGrains[i].Adopt(b.FirstId, b.Count, point.Blocks[i]))
                .Concat(_serviceGrains.Select((s, i) => s.StartAt(point.Month, point.Carries[i]))));
            clock = new PlaceClock(job, point.Month, point.Signals);
        }
        // The run's registry lists the job; a run its owner cancelled does not start again (a retry).
        var runId = GrainKeys.RunOf(key);
        if (!await Registry.Register(new RunJobEntry(runId, key, ClusterDefaults.OwnerHash(owner), job.Place.Id, job.Arm, job.Replication, job.Months, DateTime.UtcNow)))
        {
            await Task.WhenAll(_blockGrains.Select(g => g.Retire()).Concat(_serviceGrains.Select(g => g.Retire())));
            Refuse(new RunCancelledException($"run {runId} was cancelled by its owner"));
        }
        _registered = true;
        _clock = clock;
        _job = job;
        _owner = owner;
    }

    public async Task<PlaceMonthReport> AdvanceMonth(Guid owner)
    {
        var clock = Running(owner);
        var result = await clock.StepAsync(this);
        return new PlaceMonthReport(result.Month, result.Counters, clock.Finished);
    }

    public Task PullLever(ParameterChange change, Guid owner)
    {
        var clock = Running(owner);
        if (change is null) throw new ArgumentException("no lever was sent");
        if (RunChecks.Lever(change) is { } bad) throw new ArgumentException(bad);
        var start = _job!.Start;
        if (change.FromMonth < clock.Month)
            throw new ArgumentException($"a lever from {start.AddMonths(change.FromMonth)} cannot be pulled in {start.AddMonths(clock.Month)}: months already run do not change");
        if (change.FromMonth >= _job.Months)
            throw new ArgumentException($"a lever from {start.AddMonths(change.FromMonth)} is after the run's last month ({start.AddMonths(_job.Months - 1)})");
        if (change.Place is not null && change.Place != _job!.Place.Id)
            throw new ArgumentException($"the lever is for place {change.Place}, not {_job.Place.Id}");
        if (RunChecks.FirstOutOfBounds(_job.Place.BaseParameters, clock.Timeline.Changes.Append(change)) is { } oob)
            throw new ArgumentException(RunChecks.OutOfBounds(oob.Change, oob.Value, oob.Info, start));
        clock.Timeline.Add(change);
        return Task.CompletedTask;
    }

    public Task<HouseholdView> GetHousehold(int id)
    {
        _ = Clock;
        // Blocks are consecutive ranges in order: a binary search, and no grain is called for an id outside them.
        int lo = 0, hi = Blocks.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (id < Blocks[mid].FirstId) hi = mid - 1;
            else if (id >= Blocks[mid].EndId) lo = mid + 1;
            else return _blockGrains[mid].GetHousehold(id);
        }
        throw new ArgumentOutOfRangeException(nameof(id), $"no household {id} in this place (ids 0 to {_job!.Place.SimulatedHouseholds - 1})");
    }

    public async Task Retire(Guid owner)
    {
        _ = Owned(owner);
        await Task.WhenAll(_blockGrains.Select(g => g.Retire()).Concat(_serviceGrains.Select(g => g.Retire())));
        // A registry out of reach (its silo lost) does not stop a job retiring; it then stays listed until replaced.
        try { await LeaveRegistry().WaitAsync(RegistryLimit); }
        catch (Exception) { }
        DeactivateOnIdle();
    }

    public async Task Cancel(Guid owner)
    {
        _ = Owned(owner);
        if (_cancelled) return;
        _cancelled = true;
        await Task.WhenAll(_blockGrains.Select(g => g.Retire()).Concat(_serviceGrains.Select(g => g.Retire())));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Released (idle, or its silo shutting down) without being retired: the run no longer lists it.
        // The registry may be unreachable (its silo lost): the job then stays listed until a retry of it
        // registers (which replaces it) or a cancel finds it gone; deactivation goes on regardless.
        if (reason.ReasonCode != DeactivationReasonCode.ShuttingDown)
        {
            try { await LeaveRegistry().WaitAsync(RegistryLimit, cancellationToken); }
            catch (Exception) { }
        }
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private async Task LeaveRegistry()
    {
        if (!_registered) return;
        _registered = false;
        await Registry.Unregister(this.GetPrimaryKeyString());
    }

    /// <summary>
    /// A new activation under a started job's key means the job's state is gone: say so, never
    /// start afresh, and leave no activation behind (a lookup of an unknown job creates nothing that stays).
    /// </summary>
    private PlaceClock Clock => _clock ?? Refuse<PlaceClock>(new InvalidOperationException(
        $"job {this.GetPrimaryKeyString()} has no state here (not started, or its activation was lost): run it again"));

    /// <summary>The job's clock, for the caller that started it only.</summary>
    private PlaceClock Owned(Guid owner)
    {
        var clock = Clock;
        if (owner != _owner) throw new UnauthorizedAccessException($"job {this.GetPrimaryKeyString()} belongs to another client: only the run's owner may step, steer or retire it");
        return clock;
    }

    /// <summary>The job's clock, for its owner, while the run has not been cancelled.</summary>
    private PlaceClock Running(Guid owner)
    {
        var clock = Owned(owner);
        if (_cancelled) throw new RunCancelledException($"run {GrainKeys.RunOf(this.GetPrimaryKeyString())} was cancelled by its owner");
        return clock;
    }

    /// <summary>Throws, and lets an activation that holds no job go at once.</summary>
    private T Refuse<T>(Exception e) => throw Refused(e);

    private void Refuse(Exception e) => throw Refused(e);

    private Exception Refused(Exception e)
    {
        if (_job is null) DeactivateOnIdle();
        return e;
    }

    // IPlaceRuntime: the phases as grain calls.

    async Task<IReadOnlyList<BlockRequests>> IPlaceRuntime.UpdateHouseholdsAsync(MonthContext ctx)
    {
        var message = ctx.AsImmutable();
        var batches = await Task.WhenAll(_blockGrains.Select(g => g.Update(message)));
        return batches.Select(b => b.Value).ToArray();
    }

    async Task<ServiceDecision> IPlaceRuntime.DecideAsync(MonthContext ctx, ServiceKind service, double capacitySimulated, int[] households, int[] priorities)
    {
        var call = new ServiceCall(capacitySimulated, households, priorities, ctx.ReplicationKey, ctx.PlaceKey, ctx.Month);
        return (await _serviceGrains[(int)service].Decide(call.AsImmutable())).Value;
    }

    async Task<IReadOnlyList<long[]>> IPlaceRuntime.ApplyOutcomesAsync(MonthContext ctx, IReadOnlyList<BlockGrants> grants)
    {
        var message = ctx.AsImmutable();
        var parts = await Task.WhenAll(_blockGrains.Select((g, i) => g.Apply(message, grants[i].AsImmutable())));
        return parts.Select(p => p.Value).ToArray();
    }
}
