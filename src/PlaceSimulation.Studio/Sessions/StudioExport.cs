using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Reports.Files;
using PlaceSimulation.Reports.Offset;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Studio.Sessions;

/// <summary>
/// "Export charts": the session so far written as a run's outputs (timeseries.csv,
/// summary.json, manifest.json, the chart pack and report.md) by the writer <c>placesim run</c>
/// uses, from the counters the session streamed, for the months run. The scenario is the
/// session saved as a file (<see cref="StudioScenario.Write"/>), read back by the loader.
/// </summary>
public static class StudioExport
{
    public static string Write(StudioSession session, string folder, string version, string engine)
    {
        var counters = session.Counters;
        if (counters.Count == 0) throw new StudioException(409, "no month has run yet: play or step first");
        if (OutputFolder.Problem(folder) is { } problem) throw new StudioException(409, problem);
        var yaml = StudioScenario.Write(session);
        var scenario = ScenarioLoader.Parse($"{session.Source.Name}-studio.yaml", yaml);
        var spec = scenario.Spec with { Months = counters.Count };
        var worldOf = spec.Arms.Select(a => a.Name switch
        {
            "as-it-is" => Worlds.AsItIs,
            "local-only" => Worlds.LocalOnly,
            "national-only" => Worlds.NationalOnly,
            _ => Worlds.WithChanges,
        }).ToArray();
        var results = RunResults.For(spec);
        for (var a = 0; a < spec.Arms.Count; a++)
        for (var m = 0; m < counters.Count; m++)
            results.Set(a, 0, 0, m, counters[m][worldOf[a]]);
        var table = ResultTable.From(spec, results);
        var offset = scenario.Offset is { } d ? OffsetAnalysis.Of(table, d) : null;
        var started = DateTimeOffset.UtcNow;
        using var output = OutputFolder.Begin(folder);
        RunOutputs.Write(output.Staging, scenario with { Spec = spec }, table, offset, version,
            () => new RunInfo("placesim studio: export charts", version, engine, 1, Environment.ProcessorCount, started, 0, 0, spec.Arms.Count));
        output.Commit();
        return folder;
    }
}
