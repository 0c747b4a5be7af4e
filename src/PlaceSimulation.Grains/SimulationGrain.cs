using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Grains;

/// <summary>
/// A run: every (arm, replication, place) is a job that steps one place grain through all
/// its months. Several jobs run at once (lanes), so the cluster's cores stay busy; each job's
/// months run in order. Start returns at once and the work continues on this grain's
/// scheduler; clients poll progress and fetch the results when it has finished. The order
/// in which jobs finish never matters: each writes its own slot of the results.
/// </summary>
public sealed class SimulationGrain(ILogger<SimulationGrain> logger) : Grain, ISimulationGrain
{
    /// <summary>Households held in memory across running jobs, at most (beyond one job).</summary>
    private const long HouseholdsInFlight = 4_000_000;

    private RunSpec? _spec;
    private RunResults? _results;
    private long _done;
    private long _total;
    private string? _error;
    private bool _finished;
    private readonly Stopwatch _clock = new();

    public Task Start(RunSpec spec)
    {
        if (_spec is not null) throw new InvalidOperationException($"run {this.GetPrimaryKeyString()} has already started");
        _spec = spec;
        _results = RunResults.For(spec);
        _total = (long)spec.Arms.Count * spec.Replications * spec.Places.Count * (spec.Months + spec.BurnInMonths);
        _clock.Start();
        // Keep the activation while the run goes on without requests arriving.
        DelayDeactivation(TimeSpan.FromDays(1));
        _ = RunAsync(spec);
        return Task.CompletedTask;
    }

    public Task<RunProgress> GetProgress() =>
        Task.FromResult(new RunProgress(_done, _total, _finished, _error, _clock.Elapsed.TotalSeconds));

    public Task<RunResults> GetResults()
    {
        if (_error is not null) throw new InvalidOperationException($"run {this.GetPrimaryKeyString()} failed: {_error}");
        if (!_finished || _results is null) throw new InvalidOperationException($"run {this.GetPrimaryKeyString()} has not finished");
        return Task.FromResult(_results);
    }

    private async Task RunAsync(RunSpec spec)
    {
        var runId = this.GetPrimaryKeyString();
        try
        {
            var jobs = new List<(int Arm, int Rep, int Place)>();
            for (var a = 0; a < spec.Arms.Count; a++)
            for (var r = 0; r < spec.Replications; r++)
            {
                var national = GrainFactory.GetGrain<INationalPolicyGrain>(GrainKeys.World(runId, a, r));
                await national.Initialise(spec.Arms[a].Changes.Where(c => !c.IsLocal).ToArray());
                for (var p = 0; p < spec.Places.Count; p++) jobs.Add((a, r, p));
            }

            var largest = spec.Places.Max(p => (long)p.SimulatedHouseholds);
            var lanes = (int)Math.Clamp(HouseholdsInFlight / Math.Max(1, largest), 1, 4L * Environment.ProcessorCount);
            lanes = Math.Min(lanes, jobs.Count);
            var next = 0;

            async Task Lane()
            {
                while (_error is null && next < jobs.Count)
                {
                    var (a, r, p) = jobs[next++];
                    var world = GrainKeys.World(runId, a, r);
                    var place = GrainFactory.GetGrain<IPlaceGrain>(GrainKeys.Place(world, spec.Places[p].Id));
                    await place.Initialise(new PlaceSetup(spec, a, r, p, world));
                    PlaceMonthReport report;
                    do
                    {
                        report = await place.AdvanceMonth();
                        if (report.Month >= 0) _results!.Set(a, r, p, report.Month, report.Counters);
                        _done++;
                    } while (!report.Finished && _error is null);
                    await place.Retire();
                }
            }

            await Task.WhenAll(Enumerable.Range(0, lanes).Select(_ => Lane()));
        }
        catch (Exception ex)
        {
            _error = ex.Message;
            logger.LogError(ex, "Run {RunId} failed", runId);
        }
        finally
        {
            _finished = true;
            _clock.Stop();
        }
    }
}
