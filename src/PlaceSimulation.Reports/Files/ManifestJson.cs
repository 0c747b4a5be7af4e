using System.Text.Json;
using PlaceSimulation.Reports.Charts;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Reports.Files;

/// <summary>What produced a run's outputs: enough to reproduce it and to judge its cost.</summary>
public sealed record RunInfo(
    string Command,
    string ProgramVersion,
    string Cluster,
    int Silos,
    int Cores,
    DateTimeOffset Started,
    double WallSeconds,
    double SimulationSeconds,
    int Jobs = 0,
    int JobsResumed = 0,
    int AttemptsRerun = 0,
    int JobsForked = 0,
    long HouseholdMonthsShared = 0);

/// <summary>manifest.json: scenario file and hash, seed, replications, households, layout, program version and timings.</summary>
public static class ManifestJson
{
    public static void Write(string path, Scenario scenario, RunInfo info, IReadOnlyList<string>? files = null, IReadOnlyList<WrittenChart>? charts = null)
    {
        var spec = scenario.Spec;
        var householdMonths = (double)spec.TotalHouseholds * (spec.Months + spec.BurnInMonths) * spec.Arms.Count * spec.Replications;
        JsonFiles.Write(path, w =>
        {
            w.WriteStartObject();
            w.WriteString("program", "placesim");
            w.WriteString("version", info.ProgramVersion);
            w.WriteString("command", Redaction.Redact(info.Command)); // never a password
            w.WriteString("git_commit", GitCommit.Of(Path.GetDirectoryName(Path.GetFullPath(scenario.Path)) ?? "."));
            w.WriteString("scenario_file", scenario.Path);
            w.WriteString("scenario_sha256", scenario.Sha256);
            WriteParameters(w);
            w.WriteString("scenario", scenario.Name);
            w.WriteNumber("seed", spec.Seed);
            w.WriteNumber("replications", spec.Replications);
            w.WriteStartArray("arms");
            foreach (var a in spec.Arms) w.WriteStringValue(a.Name);
            w.WriteEndArray();
            // Every lever the run pulled, in each arm: scheduled in the file, or pulled live in the studio and saved as a dated change.
            w.WriteStartArray("levers");
            foreach (var a in spec.Arms)
                foreach (var c in a.Changes)
                {
                    w.WriteStartObject();
                    w.WriteString("arm", a.Name);
                    w.WriteString("policy", c.Policy);
                    w.WriteString("path", c.Path);
                    w.WriteString("op", c.Op.ToString().ToLowerInvariant());
                    w.Number("value", c.Value);
                    w.WriteString("from", spec.Start.AddMonths(c.FromMonth).ToString());
                    if (c.Place is not null) w.WriteString("place", c.Place);
                    w.WriteEndObject();
                }
            w.WriteEndArray();
            w.WriteString("start", spec.Start.ToString());
            w.WriteNumber("months", spec.Months);
            w.WriteNumber("burn_in_months", spec.BurnInMonths);
            w.WriteNumber("households", spec.TotalHouseholds);
            w.WriteStartObject("places");
            foreach (var p in spec.Places)
            {
                w.WriteStartObject(p.Id);
                w.WriteString("label", p.Label);
                w.WriteNumber("simulated_households", p.SimulatedHouseholds);
                w.Number("real_households", p.BaseParameters.Place.Households);
                w.Number("weight", p.Weight);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteNumber("households_per_grain", spec.HouseholdsPerGrain);
            w.WriteString("cluster", info.Cluster);
            w.WriteNumber("silos", info.Silos);
            w.WriteNumber("cores", info.Cores);
            w.WriteString("started_utc", info.Started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"));
            w.Number("wall_seconds", info.WallSeconds);
            w.Number("simulation_seconds", info.SimulationSeconds);
            // The run pipeline: jobs (arm × replication × place), those taken from an interrupted
            // run's journal (--resume), and attempts that failed (a silo lost, say) and were run again.
            w.WriteNumber("jobs", info.Jobs);
            w.WriteNumber("jobs_resumed", info.JobsResumed);
            w.WriteNumber("attempts_rerun", info.AttemptsRerun);
            // Jobs of one replication and place run the same months until the first lever of any
            // arm: those months are run once, and the other jobs forked from there (the same numbers).
            w.WriteNumber("jobs_forked", info.JobsForked);
            w.Number("household_months", householdMonths);
            w.Number("household_months_run", householdMonths - info.HouseholdMonthsShared);
            w.Number("household_months_per_second", info.SimulationSeconds > 0 ? householdMonths / info.SimulationSeconds : double.NaN);
            if (files is not null)
            {
                // Every file the run wrote, its charts' images, data and alt text too: a later run
                // replaces this folder only if it holds nothing else (OutputFolder).
                var chartFiles = charts?.SelectMany(c => c.Images.Select(i => i.File).Append(c.DataFile).Append(c.AltTextFile)) ?? [];
                w.WriteStartArray("files");
                foreach (var f in files.Concat(chartFiles).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal)) w.WriteStringValue(f);
                w.WriteEndArray();
            }
            if (charts is not null) WriteCharts(w, charts);
            w.WriteEndObject();
        });
    }

    /// <summary>The SHA-256 of the parameter files the program was built with: all together, and each.</summary>
    public static void WriteParameters(Utf8JsonWriter w)
    {
        w.WriteString("parameters_sha256", ParameterCatalogue.EmbeddedParametersSha256);
        w.WriteStartObject("parameter_files_sha256");
        foreach (var (file, sha) in ParameterCatalogue.EmbeddedFileHashes) w.WriteString(file, sha);
        w.WriteEndObject();
    }

    /// <summary>Every chart: its title, its data file and each image with the size it was drawn at.</summary>
    public static void WriteCharts(Utf8JsonWriter w, IReadOnlyList<WrittenChart> charts)
    {
        w.WriteStartArray("charts");
        foreach (var c in charts)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Stem);
            w.WriteString("title", c.Title);
            w.WriteString("data", c.DataFile);
            w.WriteStartArray("images");
            foreach (var i in c.Images)
            {
                w.WriteStartObject();
                w.WriteString("file", i.File);
                w.WriteString("format", i.Format);
                w.WriteString("size", i.Size);
                w.WriteNumber("width", i.Width);
                w.WriteNumber("height", i.Height);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
