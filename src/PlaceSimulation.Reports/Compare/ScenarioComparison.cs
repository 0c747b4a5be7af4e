using PlaceSimulation.Reports.Tables;

namespace PlaceSimulation.Reports.Compare;

/// <summary>One arm of one scenario, for one metric in one month (all places together): its level, and its difference from the scenario's reference arm.</summary>
public sealed record ComparedValue(string Scenario, string Arm, string ReferenceArm, string Metric, int Month, Interval Level, Interval Difference);

/// <summary>
/// Several scenarios side by side (placesim compare): every metric for every arm, month by
/// month, for all places together, with 90% intervals; and each arm's difference from its
/// scenario's reference arm, paired by replication. Within a scenario the arms share
/// households and random draws, so those differences are precise; between scenarios there
/// is no pairing (different places, policies or lengths), so compare their levels with
/// their own intervals.
/// </summary>
public sealed class ScenarioComparison
{
    public IReadOnlyList<ComparedRun> Runs { get; }

    public ScenarioComparison(IReadOnlyList<ComparedRun> runs)
    {
        if (runs.Count == 0) throw new ArgumentException("nothing to compare");
        Runs = runs;
    }

    /// <summary>The metrics every run reports (all runs share the catalogue; kept in its order).</summary>
    public IReadOnlyList<string> Metrics => Runs[0].Table.Metrics.Select(m => m.Name)
        .Where(name => Runs.All(r => r.Table.Metrics.Any(m => m.Name == name))).ToArray();

    /// <summary>
    /// Whether arms of different scenarios can be ranked against each other: the same places
    /// (presets, labels and households), start and horizon. Otherwise titles only speak of
    /// each scenario against its own reference arm.
    /// </summary>
    public bool Comparable => Runs.Select(r => Key(r.Table.Spec)).Distinct().Count() == 1;

    private static string Key(Model.Simulation.RunSpec s) =>
        $"{s.Start}|{s.Months}|{s.TotalHouseholds}|" + string.Join(";", s.Places.Select(p => $"{p.Id}:{p.Label}:{p.SimulatedHouseholds}"));

    /// <summary>Whether every run ends in the same calendar month (then titles can name it).</summary>
    public bool SameHorizon => Runs.Select(r => r.Table.Spec.MonthAt(r.Table.Months - 1)).Distinct().Count() == 1;

    public ComparedValue Value(ComparedRun run, int arm, string metric, int month)
    {
        var t = run.Table;
        var k = t.MetricIndex(metric);
        var level = t.AcrossReplications(arm, t.All, month, k);
        var reference = t.AcrossReplications(run.ReferenceArm, t.All, month, k);
        var difference = level.Select((v, r) => v - reference[r]).ToArray();
        return new ComparedValue(run.Name, t.Spec.Arms[arm].Name, t.Spec.Arms[run.ReferenceArm].Name, metric, month, Interval.Of(level), Interval.Of(difference));
    }

    /// <summary>Every arm of every run at its horizon, in run and arm order.</summary>
    public IEnumerable<ComparedValue> AtHorizon(string metric) =>
        Runs.SelectMany(run => Enumerable.Range(0, run.Table.Arms).Select(a => Value(run, a, metric, run.Table.Months - 1)));
}
