using System.Globalization;
using PlaceSimulation.Model.Calendar;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Scenarios;

/// <summary>
/// The checks a run, a job and a lever must pass before anything runs, written once and used
/// by both sides: the CLI after it reads a scenario file, and the silo before it starts a job
/// or takes a lever pulled mid-run (a silo never trusts what a client sends it). Every
/// parameter stays within the hard bounds of its parameter file (min and max) after every
/// set, scale and add in the order they apply; a run is no bigger than this machine, or a
/// silo, can hold. Each check returns a plain sentence, or null when all is well.
/// </summary>
public static class RunChecks
{
    public const int MaxMonths = 600;
    public const int MaxBurnInMonths = 240;
    public const int MaxReplications = 100_000;

    /// <summary>Simulated households in all, and in one place (one place is one job's memory).</summary>
    public const long MaxHouseholds = 100_000_000;

    /// <summary>Memory one simulated household holds in its block, with its share of requests and grants (an upper estimate, measured in placesim bench).</summary>
    public const long BytesPerHousehold = 512;

    /// <summary>Jobs (arm x replication x place) in one run: each is scheduled and tracked by the client.</summary>
    public const long MaxJobs = 2_000_000;

    /// <summary>Values of the all-places result table (arms x replications x months x metrics): one array, so at most 2^31, and held in memory.</summary>
    public const long MaxResultValues = 1L << 30;

    /// <summary>A scale factor for a lever (file key <c>scale</c>).</summary>
    public const double MaxScale = 1000;

    /// <summary>What is wrong with a lever taken on its own (path, operation, value), or null.</summary>
    public static string? Lever(ParameterChange change, ParameterCatalogue? catalogue = null)
    {
        catalogue ??= ParameterCatalogue.Embedded;
        if (string.IsNullOrEmpty(change.Path) || !catalogue.Parameters.TryGetValue(change.Path, out var info))
        {
            var near = ParameterSchema.Instance.Nearest(change.Path ?? "").FirstOrDefault();
            return $"a lever names no parameter '{change.Path}'" + (near is null ? "" : $" (did you mean '{near}'?)");
        }
        if (change.Op is not (ChangeOp.Set or ChangeOp.Scale or ChangeOp.Add)) return $"a lever on {change.Path} has an unknown operation ({(int)change.Op})";
        if (!double.IsFinite(change.Value)) return $"a lever on {change.Path} has no finite value ({F(change.Value)})";
        if (change.FromMonth < 0 || change.FromMonth >= MaxMonths) return $"a lever on {change.Path} starts at month {change.FromMonth}: expected 0 to {MaxMonths - 1}";
        if (change.Op == ChangeOp.Scale && (change.Value < 0 || change.Value > MaxScale))
            return $"a lever scales {change.Path} by {F(change.Value)}: expected a factor from 0 to {F(MaxScale)}";
        if (change.Op == ChangeOp.Set && Outside(info, change.Value))
            return $"a lever sets {change.Path} to {F(change.Value)}: expected {Bounds(info)}";
        return null;
    }

    /// <summary>What is wrong with a parameter set (every value finite and within its bounds), or null.</summary>
    public static string? Parameters(ModelParameters parameters, string whose, ParameterCatalogue? catalogue = null)
    {
        catalogue ??= ParameterCatalogue.Embedded;
        foreach (var leaf in ParameterSchema.Instance.Leaves)
        {
            var v = leaf.Get(parameters);
            var info = catalogue.Parameters[leaf.Path];
            if (!double.IsFinite(v) || Outside(info, v)) return $"{whose} {leaf.Path} is {F(v)}: expected {Bounds(info)}";
        }
        return null;
    }

    /// <summary>
    /// The first lever that takes a parameter outside its bounds when the changes apply to the
    /// base parameters in order (month, then sequence, as <see cref="ParameterTimeline"/> applies
    /// them), with the value it would reach; null when every value stays within bounds.
    /// </summary>
    public static (ParameterChange Change, double Value, ParameterInfo Info)? FirstOutOfBounds(
        ModelParameters baseParameters, IEnumerable<ParameterChange> changes, ParameterCatalogue? catalogue = null)
    {
        catalogue ??= ParameterCatalogue.Embedded;
        var schema = ParameterSchema.Instance;
        var v = schema.ToVector(baseParameters);
        foreach (var c in changes.OrderBy(c => c.FromMonth).ThenBy(c => c.Sequence))
        {
            if (!schema.TryGet(c.Path, out var leaf) || !catalogue.Parameters.TryGetValue(c.Path, out var info)) continue;
            var next = c.ApplyTo(v[leaf.Index]);
            if (!double.IsFinite(next) || Outside(info, next)) return (c, next, info);
            v[leaf.Index] = next;
        }
        return null;
    }

    /// <summary>The sentence for <see cref="FirstOutOfBounds"/>.</summary>
    public static string OutOfBounds(ParameterChange c, double value, ParameterInfo info, YearMonth? start = null) =>
        $"{c.Op.ToString().ToLowerInvariant()} {F(c.Value)} on {c.Path} (policy '{c.Policy}', {When(c.FromMonth, start)}) would make it {F(value)}: expected {Bounds(info)}";

    /// <summary>A lever's month as users write it (2025-07) where the run's start is known, its index otherwise.</summary>
    private static string When(int month, YearMonth? start) => start is { } s ? $"from {s.AddMonths(month)}" : $"month {month}";

    /// <summary>What is wrong with one job a silo is asked to run, or null.</summary>
    public static string? Job(PlaceJob job, long? memoryBytes = null)
    {
        if (job.Problem() is { } problem) return problem;
        if (job.Place is null || string.IsNullOrEmpty(job.Place.Id)) return "the job names no place";
        if (job.Months > MaxMonths) return $"months must be at most {MaxMonths}, not {job.Months}";
        if (job.BurnInMonths > MaxBurnInMonths) return $"burn-in months must be at most {MaxBurnInMonths}, not {job.BurnInMonths}";
        if (job.Place.SimulatedHouseholds > MaxHouseholds) return $"place {job.Place.Id} has {job.Place.SimulatedHouseholds:N0} simulated households: at most {MaxHouseholds:N0}";
        if (PlaceMemory(job.Place.SimulatedHouseholds, memoryBytes ?? AvailableMemory()) is { } memory) return memory;
        if (Parameters(job.Place.BaseParameters, $"place {job.Place.Id}:") is { } bad) return bad;
        foreach (var c in job.Changes)
        {
            if (Lever(c) is { } lever) return lever;
            if (c.FromMonth >= job.Months) return $"a lever on {c.Path} starts {When(c.FromMonth, job.Start)}, after the run's {job.Months} months (to {job.Start.AddMonths(job.Months - 1)})";
            if (c.Place is not null && c.Place != job.Place.Id) return $"a lever on {c.Path} is for place {c.Place}, not {job.Place.Id}";
        }
        if (FirstOutOfBounds(job.Place.BaseParameters, job.Changes) is { } oob) return OutOfBounds(oob.Change, oob.Value, oob.Info, job.Start);
        return null;
    }

    /// <summary>
    /// Everything wrong with a whole run: it has arms, replications and places, its size
    /// (arms x replications x places x months x households) fits what this machine can hold, and
    /// every job passes <see cref="Job"/>.
    /// </summary>
    public static IReadOnlyList<string> Run(RunSpec spec, long? memoryBytes = null)
    {
        var problems = new List<string>();
        if (spec.Arms.Count < 1) problems.Add("the run has no arms: expected at least one");
        if (spec.Replications < 1 || spec.Replications > MaxReplications) problems.Add($"replications must be from 1 to {MaxReplications}, not {spec.Replications}");
        if (spec.Places.Count < 1) problems.Add("the run has no places: expected at least one");
        if (spec.Months < 1 || spec.Months > MaxMonths) problems.Add($"months must be from 1 to {MaxMonths}, not {spec.Months}");
        if (spec.BurnInMonths < 0 || spec.BurnInMonths > MaxBurnInMonths) problems.Add($"burn-in months must be from 0 to {MaxBurnInMonths}, not {spec.BurnInMonths}");
        if (problems.Count > 0) return problems;
        problems.AddRange(Size(spec, memoryBytes ?? AvailableMemory()));
        if (problems.Count > 0) return problems;
        for (var a = 0; a < spec.Arms.Count; a++)
        for (var p = 0; p < spec.Places.Count; p++)
        {
            // Replications share an arm's place and levers: checking one checks them all.
            if (Job(PlaceJob.Of(spec, a, 0, p), memoryBytes) is { } bad && !problems.Contains(bad)) problems.Add($"arm '{spec.Arms[a].Name}': {bad}");
            if (problems.Count >= 10) return problems;
        }
        return problems;
    }

    /// <summary>The run's size against what this machine can hold: jobs, the result table, the largest place.</summary>
    public static IEnumerable<string> Size(RunSpec spec, long memoryBytes)
    {
        var jobs = (long)spec.Arms.Count * spec.Replications * spec.Places.Count;
        if (jobs > MaxJobs)
            yield return $"the run has {jobs:N0} jobs (arms x replications x places = {spec.Arms.Count} x {spec.Replications} x {spec.Places.Count}): at most {MaxJobs:N0}; use fewer replications or places";
        var values = (long)spec.Arms.Count * spec.Replications * spec.Months * MetricCatalogue.All.Count;
        var valueLimit = Math.Min(MaxResultValues, memoryBytes / 4 / sizeof(double));
        if (values > valueLimit)
            yield return $"the run's results (arms x replications x months x {MetricCatalogue.All.Count} metrics = {values:N0} values, {values * sizeof(double) / 1e9:N1} GB) exceed what this machine can hold ({valueLimit:N0} values); use fewer replications or months";
        if (spec.TotalHouseholds > MaxHouseholds) yield return $"the run has {spec.TotalHouseholds:N0} simulated households: at most {MaxHouseholds:N0}";
        var largest = spec.Places.Count == 0 ? 0 : spec.Places.Max(p => p.SimulatedHouseholds);
        if (PlaceMemory(largest, memoryBytes) is { } memory) yield return memory;
    }

    /// <summary>A place's households must fit in half the memory of the process that hosts them.</summary>
    private static string? PlaceMemory(long households, long memoryBytes)
    {
        var need = households * BytesPerHousehold;
        return need > memoryBytes / 2
            ? $"a place of {households:N0} simulated households needs about {need / 1e9:N1} GB, more than half of the {memoryBytes / 1e9:N1} GB this process can use; use fewer households (they are a sample: results are weighted to the place)"
            : null;
    }

    /// <summary>The memory this process may use (its container's limit where there is one).</summary>
    public static long AvailableMemory() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    private static bool Outside(ParameterInfo info, double v) => (info.Min is { } min && v < min) || (info.Max is { } max && v > max);

    private static string Bounds(ParameterInfo info) => $"{F(info.Min ?? double.NegativeInfinity)} to {F(info.Max ?? double.PositiveInfinity)} ({info.Unit}; its bounds in {info.File})";

    private static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
