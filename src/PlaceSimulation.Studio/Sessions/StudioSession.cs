using System.Diagnostics;
using PlaceSimulation.Grains;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Reports.Offset;
using PlaceSimulation.Runs;
using PlaceSimulation.Scenarios;
using PlaceSimulation.Studio.Levers;

namespace PlaceSimulation.Studio.Sessions;

/// <summary>A lever the room pulled: from <see cref="Month"/> on, in the worlds its side reaches.</summary>
public sealed record Pull(int Sequence, int Month, string Date, string Path, string Label, double Value, double Before, string Unit, string Who, string Role, bool Local);

/// <summary>One month of the session: each world's measures (null where undefined) and the offset bridge.</summary>
public sealed record MonthRecord(int Month, string Date, double?[][] Values, BridgeRecord[] Bridge);

/// <summary>
/// The offset decomposition of one measure this month, as Reports defines it (docs/OFFSET.md): each
/// measure is a change in the metric against neither change, positive = higher; the share is given
/// only when the local change moved the metric in its helpful direction.
/// </summary>
public sealed record BridgeRecord(string Metric, double? LocalEffect, double? NationalEffect, double? Interaction, double? Net, double? OffsetShare);

/// <summary>A followed household's month in the two worlds shown.</summary>
public sealed record StoryEntry(int Month, string Date, string AsItIs, string WithChanges);

/// <summary>The household the room follows, and its story so far.</summary>
public sealed record Followed(int Id, string Picked, string Introduction, IReadOnlyList<StoryEntry> Story);

/// <summary>
/// A live session: four arms of one place on the same households and random draws (see
/// <see cref="Worlds"/>), stepped month by month on a run engine (the embedded silo, a
/// cluster, or this process). Months run one at a time under one gate, so a lever pulled
/// while the session plays lands between two months and takes effect from the next. Every
/// month is kept (for late joiners, reloads, the charts and saving), and announced to the
/// <see cref="Events"/>. Nothing here is a model rule: the numbers are the engine's.
/// </summary>
public sealed class StudioSession : IAsyncDisposable
{
    /// <summary>Slowest and fastest play, in months a second.</summary>
    public const double MinSpeed = 0.25, MaxSpeed = 20;

    /// <summary>A month (all four worlds) that has not come back in this long has failed.</summary>
    public static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(60);

    private readonly IRunEngine _engine;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<MonthRecord> _history = [];
    private readonly List<long[][]> _counters = [];
    private readonly List<Pull> _pulls = [];
    private readonly List<StoryEntry> _story = [];
    private readonly IReadOnlyList<ParameterChange> _baseChanges;
    private readonly double _severe;
    private readonly CancellationTokenSource _life = new();
    private IJobSession?[] _worlds = new IJobSession?[Worlds.Count];
    private int _sequence;
    private int _generation;
    private Task _player = Task.CompletedTask;
    private CancellationTokenSource? _playing;
    private (int Id, string Picked, string Intro, HouseholdView AsIs, HouseholdView With)? _follow;

    public StudioSession(Scenario source, IRunEngine engine, Room? room = null, LeverCatalogue? levers = null)
    {
        if (source.Spec.Places.Count != 1) throw new ArgumentException("a studio session runs one place: reduce the scenario first (StudioScenario.Reduce)");
        Source = source;
        _engine = engine;
        Room = room ?? new Room();
        Levers = levers ?? LeverCatalogue.Embedded;
        Place = source.Spec.Places[0];
        BaseArm = source.Spec.Arms[0];
        _baseChanges = BaseArm.Changes.Where(c => c.Place is null || c.Place == Place.Id).ToList();
        _severe = Place.BaseParameters.Measures.SevereNeedThreshold;
        Spec = source.Spec with
        {
            Replications = 1,
            Arms = Enumerable.Range(0, Worlds.Count).Select(w => new ArmSpec(Worlds.Keys[w], BaseArm.Policies, _baseChanges)).ToList(),
        };
        Events = new StudioEvents();
    }

    public Scenario Source { get; }
    public RunSpec Spec { get; }
    public PlaceSpec Place { get; }

    /// <summary>The scenario's first arm: what "as it is" means (usually no policy at all).</summary>
    public ArmSpec BaseArm { get; }

    public Room Room { get; }
    public LeverCatalogue Levers { get; }
    public StudioEvents Events { get; }
    public string Engine => _engine.Name;

    /// <summary>The next month to run (0 = the scenario's start); equals Spec.Months when the session has run them all.</summary>
    public int Month { get; private set; }

    public bool Playing => _playing is { IsCancellationRequested: false };
    public double Speed { get; private set; } = 2;
    public bool Finished => Month >= Spec.Months;

    /// <summary>The last failure, as one sentence (cleared by the next month that runs).</summary>
    public string? Problem { get; private set; }

    /// <summary>Seconds the last month took (all four worlds).</summary>
    public double LastStepSeconds { get; private set; }

    public IReadOnlyList<MonthRecord> History { get { lock (_history) return _history.ToList(); } }
    public IReadOnlyList<Pull> Pulls { get { lock (_history) return _pulls.ToList(); } }

    /// <summary>Each month's counters, world by world (what the chart pack is made from).</summary>
    public IReadOnlyList<long[][]> Counters { get { lock (_history) return _counters.ToList(); } }

    public Followed? Following
    {
        get
        {
            lock (_history) return _follow is { } f ? new Followed(f.Id, f.Picked, f.Intro, _story.ToList()) : null;
        }
    }

    public string DateOf(int month) => Spec.MonthAt(month).ToString();

    /// <summary>Starts the four worlds afresh and runs their burn-in: month 0 comes next; every pull is forgotten.</summary>
    public async Task ResetAsync(CancellationToken cancel = default)
    {
        await PauseAsync();
        await _gate.WaitAsync(cancel);
        try
        {
            lock (_history)
            {
                _history.Clear();
                _counters.Clear();
                _pulls.Clear();
                _story.Clear();
                _follow = null;
            }
            Month = 0;
            Problem = null;
            await StartWorldsAsync([], 0, cancel);
        }
        finally
        {
            _gate.Release();
        }
        Events.State();
    }

    /// <summary>Runs one month in every world; false when the session has already run its last month.</summary>
    public async Task<bool> StepAsync(CancellationToken cancel = default)
    {
        await _gate.WaitAsync(cancel);
        try
        {
            return await StepLockedAsync(cancel);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Plays at <see cref="Speed"/> months a second until paused, finished or a month fails.</summary>
    public Task PlayAsync()
    {
        lock (_life)
        {
            if (Playing || Finished) return Task.CompletedTask;
            var stop = CancellationTokenSource.CreateLinkedTokenSource(_life.Token);
            _playing = stop;
            _player = Task.Run(() => PlayLoopAsync(stop));
        }
        Events.State();
        return Task.CompletedTask;
    }

    public async Task PauseAsync()
    {
        Task player;
        lock (_life)
        {
            _playing?.Cancel();
            player = _player;
        }
        await player;
        Events.State();
    }

    public void SetSpeed(double monthsPerSecond)
    {
        if (!double.IsFinite(monthsPerSecond) || monthsPerSecond < MinSpeed || monthsPerSecond > MaxSpeed)
            throw new StudioException(400, $"speed: expected {MinSpeed} to {MaxSpeed} months a second, not {monthsPerSecond}");
        Speed = monthsPerSecond;
        Events.State();
    }

    /// <summary>
    /// Pulls a lever for <paramref name="role"/>: checked (known lever, the role's own, not
    /// locked, within min and max) before anything is applied; it takes effect from the next
    /// month in "with your changes" and in the bridge world of its side.
    /// </summary>
    public async Task<Pull> PullAsync(string? path, double? value, Role role, string who, CancellationToken cancel = default)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new StudioException(400, "path: missing; expected a lever's parameter path, e.g. national.sanctions.monthly_rate");
        var lever = Levers.Find(path);
        if (lever is null)
        {
            var near = ParameterSchema.Instance.Nearest(path).Where(p => Levers.Find(p) is not null).ToList();
            throw new StudioException(400, $"path: '{path}' is not a lever" + (near.Count > 0 ? $" (did you mean {string.Join(" or ", near)}?)" : ""));
        }
        if (value is not { } v) throw new StudioException(400, $"value: missing; expected a number in {lever.Info.Unit}");
        if (lever.Problem(v) is { } bad) throw new StudioException(400, bad);
        if (!LeverCatalogue.Allowed(role, lever)) throw new StudioException(403, $"{Roles.Label(role)} cannot pull {path}: it is a lever of the {Roles.Label(lever.Owner).ToLowerInvariant()}");
        if (role != Role.Facilitator && Room.Locked) throw new StudioException(423, "the facilitator has locked the levers");

        Pull pull;
        await _gate.WaitAsync(cancel);
        try
        {
            if (Finished) throw new StudioException(409, "the session has run its last month: reset it to pull levers again");
            var month = Month;
            var before = ValueAt(Worlds.WithChanges, path, month);
            var seq = ++_sequence;
            var change = new ParameterChange(path, month, ChangeOp.Set, v, null, 100_000 + seq, lever.Local ? StudioScenario.RoomLocal : StudioScenario.RoomNational);
            for (var w = 0; w < Worlds.Count; w++)
                if (Worlds.Takes(w, lever.Local))
                    await World(w).PullLeverAsync(change, cancel);
            pull = new Pull(seq, month, DateOf(month), path, Label(lever), v, before, lever.Info.Unit, who, Roles.Name(role), lever.Local);
            lock (_history) _pulls.Add(pull);
        }
        finally
        {
            _gate.Release();
        }
        Events.Lever(pull);
        return pull;
    }

    /// <summary>The value a lever has in a world at a month: the place's base value with the arm's changes and the room's pulls applied.</summary>
    public double ValueAt(int world, string path, int month) => ParameterSchema.Instance[path].Get(ParametersAt(world, month));

    /// <summary>The parameters a world runs with at a month (read-only).</summary>
    public ModelParameters ParametersAt(int world, int month) => new ParameterTimeline(Place.BaseParameters, ChangesOf(world)).For(month);

    /// <summary>Every change a world runs with: the base arm's and the room's pulls that reach it.</summary>
    public IReadOnlyList<ParameterChange> ChangesOf(int world)
    {
        var pulls = Pulls.Where(p => Worlds.Takes(world, p.Local))
            .Select(p => new ParameterChange(p.Path, p.Month, ChangeOp.Set, p.Value, null, 100_000 + p.Sequence, p.Local ? StudioScenario.RoomLocal : StudioScenario.RoomNational));
        return _baseChanges.Concat(pulls).ToList();
    }

    /// <summary>
    /// Follows one household in "as it is" and "with your changes": by id, or the first of a
    /// seeded random probe that matches the filter (the same session picks the same one).
    /// </summary>
    public async Task<Followed> FollowAsync(int? id, HouseholdFilter? filter, CancellationToken cancel = default)
    {
        await _gate.WaitAsync(cancel);
        try
        {
            var n = Place.SimulatedHouseholds;
            string picked;
            int chosen;
            if (id is { } given)
            {
                if (given < 0 || given >= n) throw new StudioException(400, $"id: expected a household from 0 to {n - 1}");
                chosen = given;
                picked = $"household {given}";
            }
            else
            {
                filter ??= new HouseholdFilter();
                var found = await FindAsync(filter, cancel);
                if (found is null) throw new StudioException(404, $"no household matches {filter} (looked at {Math.Min(n, ProbeLimit)} of {n}): try a wider filter");
                chosen = found.Value;
                picked = $"{filter}: household {chosen}";
            }
            var asIs = await World(Worlds.AsItIs).HouseholdAsync(chosen, cancel);
            var with = await World(Worlds.WithChanges).HouseholdAsync(chosen, cancel);
            var intro = HouseholdStory.Introduce(asIs, _severe);
            lock (_history)
            {
                _follow = (chosen, picked, intro, asIs, with);
                _story.Clear();
            }
        }
        finally
        {
            _gate.Release();
        }
        Events.Follow();
        return Following!;
    }

    /// <summary>Households looked at, at most, to find one matching a filter.</summary>
    public const int ProbeLimit = 5000;

    private async Task<int?> FindAsync(HouseholdFilter filter, CancellationToken cancel)
    {
        var n = Place.SimulatedHouseholds;
        // A seeded order (the session's seed, the filter and the month), so the same session picks the same household.
        var order = Enumerable.Range(0, n).ToArray();
        new Random(unchecked((int)PlaceKeys.Of($"{Spec.Seed}/{filter}/{Month}"))).Shuffle(order);
        const int batch = 200;
        for (var i = 0; i < Math.Min(n, ProbeLimit); i += batch)
        {
            var ids = order.Skip(i).Take(Math.Min(batch, ProbeLimit - i)).ToArray();
            var views = await Task.WhenAll(ids.Select(h => World(Worlds.AsItIs).HouseholdAsync(h, cancel)));
            var match = views.FirstOrDefault(filter.Matches);
            if (match is not null) return match.Id;
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _life.CancelAsync();
        try
        {
            await _player;
        }
        catch (Exception)
        {
            // Stopping anyway.
        }
        await DisposeWorldsAsync();
        Events.Complete();
    }

    private async Task PlayLoopAsync(CancellationTokenSource stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var clock = Stopwatch.StartNew();
                await _gate.WaitAsync(stop.Token);
                bool more;
                try
                {
                    more = await StepLockedAsync(stop.Token) && !Finished;
                }
                finally
                {
                    _gate.Release();
                }
                if (!more) break;
                var wait = TimeSpan.FromSeconds(1 / Speed) - clock.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Paused.
        }
        catch (Exception e)
        {
            // A failed month stops play, said in one sentence on every page.
            Problem ??= $"play stopped: {RunPipeline.Plain(e)}";
        }
        finally
        {
            stop.Cancel();
            Events.State();
        }
    }

    private async Task<bool> StepLockedAsync(CancellationToken cancel)
    {
        if (Finished) return false;
        var clock = Stopwatch.StartNew();
        var generation = _generation;
        JobMonth[] months;
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            limit.CancelAfter(StepLimit);
            months = await Task.WhenAll(Enumerable.Range(0, Worlds.Count).Select(w => World(w).NextMonthAsync(limit.Token)));
            if (months.Any(m => m.Month != Month)) throw new InvalidOperationException($"the worlds disagree about the month (expected month {Month})");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            // Jobs are deterministic: a world lost with its silo is rebuilt by running it again
            // to this month with the same pulls, then the month is tried once more.
            Problem = $"month {DateOf(Month)} failed ({RunPipeline.Plain(e)}); the worlds were run again to this month";
            try
            {
                await StartWorldsAsync(Pulls, Month, cancel);
                months = await Task.WhenAll(Enumerable.Range(0, Worlds.Count).Select(w => World(w).NextMonthAsync(cancel)));
            }
            catch (Exception again) when (again is not OperationCanceledException || !cancel.IsCancellationRequested)
            {
                Problem = $"month {DateOf(Month)} could not be run ({RunPipeline.Plain(again)}): reset the session";
                Events.State();
                throw new StudioException(503, Problem);
            }
        }
        if (generation != _generation && months.Any(m => m.Month != Month)) throw new StudioException(503, "the worlds were rebuilt at the wrong month: reset the session");

        var record = Record(Month, months.Select(m => m.Counters).ToArray());
        StoryEntry? entry = null;
        string? storyProblem = null;
        if (_follow is { } f)
        {
            try
            {
                var asIs = await World(Worlds.AsItIs).HouseholdAsync(f.Id, cancel);
                var with = await World(Worlds.WithChanges).HouseholdAsync(f.Id, cancel);
                entry = new StoryEntry(Month, DateOf(Month), HouseholdStory.Month(f.AsIs, asIs, _severe), HouseholdStory.Month(f.With, with, _severe));
                _follow = f with { AsIs = asIs, With = with };
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
            {
                // The month stands; only the household's line for it is missing.
                storyProblem = $"the followed household's month {DateOf(Month)} could not be read ({RunPipeline.Plain(e)})";
            }
        }
        lock (_history)
        {
            _history.Add(record);
            _counters.Add(months.Select(m => m.Counters).ToArray());
            if (entry is not null) _story.Add(entry);
        }
        Month++;
        Problem = storyProblem;
        LastStepSeconds = clock.Elapsed.TotalSeconds;
        Events.Month(record, entry);
        if (Finished) Events.State();
        return true;
    }

    private MonthRecord Record(int month, long[][] counters)
    {
        var weight = Place.Weight;
        var values = counters.Select(c =>
        {
            var scaled = MetricCatalogue.Scale(c, weight);
            return Worlds.Metrics.Select(name => Finite(Worlds.Metric(name).Compute(scaled))).ToArray();
        }).ToArray();
        var bridge = Worlds.Bridged.Select(name =>
        {
            var k = Array.IndexOf(Worlds.Metrics, name);
            if (values.Any(v => v[k] is null)) return new BridgeRecord(name, null, null, null, null, null);
            var d = Decomposition.Of(new ArmValues(values[0][k]!.Value, values[1][k]!.Value, values[2][k]!.Value, values[3][k]!.Value));
            double? share = OffsetMeasures.Helps(d.LocalEffect, Worlds.Metric(name).LowerIsBetter) ? Finite(OffsetShare.Of(d.LocalEffect, d.Net)) : null;
            return new BridgeRecord(name, d.LocalEffect, d.NationalEffect, d.Interaction, d.Net, share);
        }).ToArray();
        return new MonthRecord(month, DateOf(month), values, bridge);
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    private static string Label(Lever l) => l.Info.Description;

    private IJobSession World(int w) => _worlds[w] ?? throw new StudioException(503, "the session has not started: reset it");

    /// <summary>Starts the four worlds with the given pulls and runs them to <paramref name="month"/> (burn-in first).</summary>
    private async Task StartWorldsAsync(IReadOnlyList<Pull> pulls, int month, CancellationToken cancel)
    {
        await DisposeWorldsAsync();
        var runId = $"studio-{Guid.NewGuid():N}";
        var worlds = new IJobSession?[Worlds.Count];
        try
        {
            for (var w = 0; w < Worlds.Count; w++)
            {
                var job = new PlaceJob(w, 0, 0, Place, Spec.Start, Spec.Months, Spec.BurnInMonths, Spec.Seed, _baseChanges, Spec.HouseholdsPerGrain);
                worlds[w] = await _engine.StartAsync(runId, job, 1, cancel);
                foreach (var p in pulls.Where(p => Worlds.Takes(w, p.Local)))
                    await worlds[w]!.PullLeverAsync(new ParameterChange(p.Path, p.Month, ChangeOp.Set, p.Value, null, 100_000 + p.Sequence,
                        p.Local ? StudioScenario.RoomLocal : StudioScenario.RoomNational), cancel);
            }
            var steps = Spec.BurnInMonths + month;
            for (var s = 0; s < steps; s++)
                await Task.WhenAll(worlds.Select(x => x!.NextMonthAsync(cancel)));
        }
        catch
        {
            foreach (var x in worlds)
                if (x is not null) await x.DisposeAsync();
            throw;
        }
        _worlds = worlds;
        _generation++;
    }

    private async Task DisposeWorldsAsync()
    {
        var old = _worlds;
        _worlds = new IJobSession?[Worlds.Count];
        foreach (var w in old)
            if (w is not null) await w.DisposeAsync();
    }
}
