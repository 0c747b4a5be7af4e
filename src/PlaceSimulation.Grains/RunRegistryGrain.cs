using Orleans.Concurrency;

namespace PlaceSimulation.Grains;

/// <summary>
/// The runs in progress (see <see cref="IRunRegistryGrain"/>). Reentrant: a cancel waits on the
/// run's place grains, which may at that moment be registering here (a job starting), so the
/// registry must answer them meanwhile; every method changes its dictionaries only between awaits.
/// </summary>
[Reentrant]
public sealed class RunRegistryGrain : Grain, IRunRegistryGrain
{
    /// <summary>Cancelled runs are remembered (so a retried job is refused) up to this many, oldest forgotten first.</summary>
    private const int CancelledKept = 10_000;

    /// <summary>By job (the key less its attempt): a retry under a new attempt key replaces a lost attempt.</summary>
    private readonly Dictionary<string, RunJobEntry> _jobs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _cancelled = new(StringComparer.Ordinal);
    private readonly Queue<string> _cancelledOrder = new();

    public Task<bool> Register(RunJobEntry job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (_cancelled.Contains(job.RunId)) return Task.FromResult(false);
        _jobs[Job(job.JobKey)] = job;
        return Task.FromResult(true);
    }

    public Task Unregister(string jobKey)
    {
        if (jobKey is not null && _jobs.TryGetValue(Job(jobKey), out var listed) && listed.JobKey == jobKey) _jobs.Remove(Job(jobKey));
        return Task.CompletedTask;
    }

    /// <summary>A job key less its attempt (run/aA/rR/place).</summary>
    private static string Job(string jobKey) => jobKey[..Math.Max(0, jobKey.LastIndexOf('/'))];

    public Task<IReadOnlyList<RunListing>> List()
    {
        IReadOnlyList<RunListing> runs = _jobs.Values
            .GroupBy(j => j.RunId, StringComparer.Ordinal)
            .Select(g => new RunListing(g.Key, g.Count(),
                g.Select(j => j.Place).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                g.Select(j => j.Arm).Distinct().Count(), g.Min(j => j.StartedUtc), _cancelled.Contains(g.Key)))
            .OrderBy(r => r.StartedUtc).ThenBy(r => r.RunId, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(runs);
    }

    public async Task<int> Cancel(string runId, Guid owner)
    {
        if (string.IsNullOrEmpty(runId)) throw new ArgumentException("no run id was sent");
        var jobs = _jobs.Values.Where(j => j.RunId == runId).ToList();
        if (jobs.Count == 0) return 0;
        var hash = ClusterDefaults.OwnerHash(owner);
        if (jobs.Any(j => j.OwnerHash != hash))
            throw new UnauthorizedAccessException($"run {runId} belongs to another client: only the client that started it may cancel it");
        if (_cancelled.Add(runId))
        {
            _cancelledOrder.Enqueue(runId);
            while (_cancelledOrder.Count > CancelledKept) _cancelled.Remove(_cancelledOrder.Dequeue());
        }
        // Each job stops at its next month; one whose activation is already gone has nothing to stop.
        var told = await Task.WhenAll(jobs.Select(async j =>
        {
            try
            {
                await GrainFactory.GetGrain<IPlaceGrain>(j.JobKey).Cancel(owner);
                return 1;
            }
            catch (InvalidOperationException)
            {
                // Its activation is gone (the job's state was lost): nothing to stop, nothing to list.
                if (_jobs.TryGetValue(Job(j.JobKey), out var listed) && listed.JobKey == j.JobKey) _jobs.Remove(Job(j.JobKey));
                return 0;
            }
        }));
        return told.Sum();
    }
}
