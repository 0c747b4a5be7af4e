using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Runs;

/// <summary>One month of a job, as an engine hands it back: month &lt; 0 is burn-in (not recorded).</summary>
public sealed record JobMonth(int Month, long[] Counters, bool Finished);

/// <summary>
/// Where jobs run. The pipeline knows nothing else about an engine: the same run on any
/// engine gives the same months, byte for byte.
/// </summary>
public interface IRunEngine
{
    /// <summary>How the manifest and the terminal name the engine.</summary>
    string Name { get; }

    /// <summary>Silos (or 1 in this process) that are active now.</summary>
    Task<int> ActiveSilosAsync(CancellationToken cancel);

    /// <summary>Jobs to run at once for this run: enough to keep every core busy, few enough to bound memory.</summary>
    int Lanes(RunSpec spec, int silos);

    /// <summary>Starts one attempt at a job. Attempts of one job never share state.</summary>
    Task<IJobSession> StartAsync(string runId, PlaceJob job, int attempt, CancellationToken cancel);

    /// <summary>Whether <see cref="ForkAsync"/> works on this engine.</summary>
    bool CanFork => false;

    /// <summary>
    /// Starts one attempt at <paramref name="job"/> from a copy of where another job's session
    /// stands between two months (<paramref name="from"/> is not stepped until this returns). The
    /// caller makes sure the two jobs share every month run so far
    /// (<see cref="PlaceClock.SharedSteps"/>), so the copy goes on exactly as the job run from
    /// its start would. Attempts of the new job never share state with <paramref name="from"/>.
    /// </summary>
    Task<IJobSession> ForkAsync(string runId, IJobSession from, PlaceJob job, int attempt, CancellationToken cancel) =>
        throw new NotSupportedException($"{Name} cannot fork a job");
}

/// <summary>A job being run: its months, one at a time, in order.</summary>
public interface IJobSession : IAsyncDisposable
{
    Task<JobMonth> NextMonthAsync(CancellationToken cancel);

    /// <summary>Adds a lever from a month the job has not run yet.</summary>
    Task PullLeverAsync(ParameterChange change, CancellationToken cancel);

    /// <summary>One household of the job as it stands after the months run so far (a trainer following its story).</summary>
    Task<Grains.HouseholdView> HouseholdAsync(int id, CancellationToken cancel) =>
        throw new NotSupportedException("this engine cannot look up a household");
}

/// <summary>
/// Runs jobs in this process, each on the thread pool: the pure model loop with no Orleans.
/// </summary>
public sealed class InProcessEngine(int? lanes = null) : IRunEngine
{
    public string Name => "in process (no Orleans)";

    public Task<int> ActiveSilosAsync(CancellationToken cancel) => Task.FromResult(1);

    public int Lanes(RunSpec spec, int silos) => lanes ?? Environment.ProcessorCount;

    public Task<IJobSession> StartAsync(string runId, PlaceJob job, int attempt, CancellationToken cancel) =>
        Task.Run<IJobSession>(() => new Session(job, new InProcessPlace(job), new PlaceClock(job)), cancel);

    public bool CanFork => true;

    public Task<IJobSession> ForkAsync(string runId, IJobSession from, PlaceJob job, int attempt, CancellationToken cancel) =>
        Task.Run<IJobSession>(() => ((Session)from).Fork(job), cancel);

    private sealed class Session(PlaceJob job, InProcessPlace place, PlaceClock clock) : IJobSession
    {
        private readonly InProcessPlace _place = place;
        private readonly PlaceClock _clock = clock;

        public Session Fork(PlaceJob other)
        {
            if (PlaceClock.ForkProblem(job, _clock.Month, other) is { } problem) throw new ArgumentException(problem);
            return new Session(other, _place.Fork(), new PlaceClock(other, _clock.Month, _clock.Signals));
        }

        public Task<JobMonth> NextMonthAsync(CancellationToken cancel) => Task.Run(async () =>
        {
            var result = await _clock.StepAsync(_place);
            return new JobMonth(result.Month, result.Counters, _clock.Finished);
        }, cancel);

        public Task PullLeverAsync(ParameterChange change, CancellationToken cancel)
        {
            if (change.FromMonth < _clock.Month) throw new ArgumentException($"months before {_clock.Month} have already run");
            _clock.Timeline.Add(change);
            return Task.CompletedTask;
        }

        public Task<Grains.HouseholdView> HouseholdAsync(int id, CancellationToken cancel)
        {
            if (id < 0 || id >= job.Place.SimulatedHouseholds) throw new ArgumentOutOfRangeException(nameof(id), $"no household {id} in this place");
            return Task.FromResult(Grains.HouseholdView.From(_place.Household(id)));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
