namespace PlaceSimulation.Model.Simulation;

/// <summary>
/// Runs a whole scenario in this process on one thread with no Orleans: every arm,
/// replication and place in turn, month by month. It is the reference the grain engine must
/// match byte for byte, and the pure-loop baseline of the benchmark.
/// </summary>
public static class InProcessRunner
{
    public static async Task<RunResults> RunAsync(RunSpec spec, Action<long>? monthDone = null, CancellationToken cancel = default)
    {
        var results = RunResults.For(spec);
        for (var a = 0; a < spec.Arms.Count; a++)
        for (var r = 0; r < spec.Replications; r++)
        for (var p = 0; p < spec.Places.Count; p++)
        {
            var place = spec.Places[p];
            var runtime = new InProcessPlace(spec, place, r, spec.HouseholdsPerGrain);
            var clock = new PlaceClock(spec, place, spec.TimelineFor(spec.Arms[a], place), r);
            while (!clock.Finished)
            {
                cancel.ThrowIfCancellationRequested();
                var month = await clock.StepAsync(runtime);
                if (month.Month >= 0) results.Set(a, r, p, month.Month, month.Counters);
                monthDone?.Invoke(1);
            }
        }
        return results;
    }
}
