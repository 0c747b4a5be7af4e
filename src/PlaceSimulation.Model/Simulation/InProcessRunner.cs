namespace PlaceSimulation.Model.Simulation;

/// <summary>
/// Runs a whole scenario in this process on one thread with no Orleans: every job of
/// <see cref="RunSpec.Jobs"/> in turn, month by month. It is the reference the grain engine must
/// match byte for byte, and the pure-loop baseline of the benchmark.
/// </summary>
public static class InProcessRunner
{
    public static async Task<RunResults> RunAsync(RunSpec spec, Action<long>? monthDone = null, CancellationToken cancel = default)
    {
        var results = RunResults.For(spec);
        foreach (var job in spec.Jobs())
        {
            var runtime = new InProcessPlace(job);
            var clock = new PlaceClock(job);
            while (!clock.Finished)
            {
                cancel.ThrowIfCancellationRequested();
                var month = await clock.StepAsync(runtime);
                if (month.Month >= 0) results.Set(job.Arm, job.Replication, job.PlaceIndex, month.Month, month.Counters);
                monthDone?.Invoke(1);
            }
        }
        return results;
    }
}
