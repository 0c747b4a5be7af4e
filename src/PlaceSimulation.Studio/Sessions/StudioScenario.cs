using System.Globalization;
using System.Text;
using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Scenarios;
using PlaceSimulation.Studio.Levers;

namespace PlaceSimulation.Studio.Sessions;

/// <summary>
/// The scenario a session runs, and the scenario file a session is saved as. A session runs
/// the first place of a file, one replication, at a size that steps fast; saved, it is a
/// valid scenario file whose arms are the session's worlds and whose policies are the room's
/// pulls as dated changes, so <c>placesim run</c> on it gives the numbers the studio showed.
/// </summary>
public static class StudioScenario
{
    public const string RoomLocal = "room-local";
    public const string RoomNational = "room-national";

    /// <summary>Simulated households when neither the command line nor a small file says otherwise: steps fast on two cores.</summary>
    public const int DefaultHouseholds = 5000;

    /// <summary>The file's first place, alone, with <paramref name="households"/> simulated households (default: the file's share of that place, at most <see cref="DefaultHouseholds"/>).</summary>
    /// <param name="months">months the session runs (default: the file's); the first arm's levers must fall inside them</param>
    public static Scenario Reduce(Scenario s, int? households = null, int? months = null)
    {
        var place = s.Spec.Places[0];
        if (months is { } m)
        {
            if (m is < 1 or > 600) throw new StudioException(400, $"--months {m} is out of range: expected 1 to 600");
            var latest = s.Spec.Arms[0].Changes.Select(c => c.FromMonth).DefaultIfEmpty(-1).Max();
            if (latest >= m) throw new StudioException(400, $"--months {m} would end the session before a lever of the arm '{s.Spec.Arms[0].Name}' dated month {latest + 1}");
            s = s with { Spec = s.Spec with { Months = m } };
        }
        var n = households ?? Math.Min(place.SimulatedHouseholds, DefaultHouseholds);
        var changes = s.Spec.Arms.Select(a => a with { Changes = a.Changes.Where(c => c.Place is null || c.Place == place.Id).ToList() }).ToList();
        return s with { Spec = s.Spec with { Places = [place with { SimulatedHouseholds = n }], Replications = 1, Arms = changes } };
    }

    /// <summary>The session as a scenario file (YAML, commented).</summary>
    public static string Write(StudioSession session, DateTimeOffset? at = null)
    {
        var s = session.Source;
        var spec = session.Spec;
        var place = session.Place;
        var pulls = session.Pulls;
        var local = pulls.Where(p => p.Local).ToList();
        var national = pulls.Where(p => !p.Local).ToList();
        var when = (at ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var y = new StringBuilder();
        y.AppendLine($"# Saved from a training studio session ({when}) on {Path.GetFileName(s.Path)}.");
        y.AppendLine("#");
        y.AppendLine("# Question: what did the room's levers change, against the place as it is? The arms are the");
        y.AppendLine("# studio's worlds on the same households and random draws; every lever the room pulled is a");
        y.AppendLine("# dated change in the policy of its side (room-local, room-national), from the month it took");
        y.AppendLine("# effect. 'placesim run' on this file gives the numbers the studio showed.");
        y.AppendLine($"name: {Name(s.Name)}");
        y.AppendLine($"title: {Quote(s.Title + " (studio session)")}");
        y.AppendLine("question: >");
        y.AppendLine($"  {Flat(s.Question)} What did the room's levers change?");
        y.AppendLine($"start: {spec.Start}");
        y.AppendLine($"months: {spec.Months}");
        y.AppendLine($"burn_in_months: {spec.BurnInMonths}");
        y.AppendLine($"seed: {spec.Seed}");
        y.AppendLine("replications: 1");
        y.AppendLine($"households: {place.SimulatedHouseholds}");
        y.AppendLine($"households_per_grain: {spec.HouseholdsPerGrain}");
        y.AppendLine("places:");
        y.AppendLine($"  - id: {place.Id}");
        var (preset, overrides) = Preset(place.BaseParameters);
        y.AppendLine($"    preset: {preset}");
        y.AppendLine($"    label: {Quote(place.Label)}");
        if (overrides.Count > 0)
        {
            y.AppendLine("    set:");
            foreach (var (path, value) in overrides) y.AppendLine($"      {path}: {Number(value)}");
        }

        var basePolicies = session.BaseArm.Policies
            .OrderBy(p => s.Policies[p].Changes.Select(c => c.Sequence).DefaultIfEmpty(int.MaxValue).Min())
            .ToList();
        var written = new List<string>();
        var pol = new StringBuilder();
        foreach (var name in basePolicies)
        {
            var changes = s.Policies[name].Changes.Where(c => c.Place is null || c.Place == place.Id).OrderBy(c => c.Sequence).ToList();
            if (changes.Count == 0) continue;
            written.Add(name);
            pol.AppendLine($"  {name}:");
            pol.AppendLine($"    description: {Quote(Flat(s.Policies[name].Description))}");
            pol.AppendLine("    changes:");
            foreach (var c in changes) Change(pol, spec, c.FromMonth, c.Op, c.Path, c.Value, null);
        }
        void Room(string name, string side, List<Pull> list)
        {
            pol.AppendLine($"  {name}:");
            pol.AppendLine($"    description: {Quote($"The room's {side} levers, pulled in the studio session of {when}.")}");
            pol.AppendLine("    changes:");
            foreach (var p in list) Change(pol, spec, p.Month, ChangeOp.Set, p.Path, p.Value, $"pulled by {p.Who} ({p.Role}); was {Number(p.Before)} {p.Unit}");
        }
        if (local.Count > 0) Room(RoomLocal, "local", local);
        if (national.Count > 0) Room(RoomNational, "national", national);
        if (pol.Length > 0)
        {
            y.AppendLine("policies:");
            y.Append(pol);
        }

        string List(params IEnumerable<string>[] parts) => "[" + string.Join(", ", parts.SelectMany(p => p)) + "]";
        y.AppendLine("arms:");
        y.AppendLine($"  as-it-is: {List(written)}");
        if (local.Count > 0 && national.Count > 0)
        {
            y.AppendLine($"  local-only: {List(written, [RoomLocal])}");
            y.AppendLine($"  national-only: {List(written, [RoomNational])}");
        }
        y.AppendLine($"  with-your-changes: {List(written, local.Count > 0 ? [RoomLocal] : [], national.Count > 0 ? [RoomNational] : [])}");
        if (local.Count > 0 && national.Count > 0 && written.Count == 0)
        {
            y.AppendLine("offset:");
            y.AppendLine($"  local: {RoomLocal}");
            y.AppendLine($"  national: {RoomNational}");
        }
        return y.ToString();
    }

    private static void Change(StringBuilder y, RunSpec spec, int month, ChangeOp op, string path, double value, string? comment)
    {
        y.AppendLine($"      - from: {spec.MonthAt(month)}");
        var key = op switch { ChangeOp.Set => "set", ChangeOp.Scale => "scale", _ => "add" };
        y.AppendLine($"        {key}:");
        y.AppendLine($"          {path}: {Number(value)}" + (comment is null ? "" : $"   # {comment.Replace('\n', ' ')}"));
    }

    /// <summary>The preset the place's parameters are nearest to, and the values that differ from it (the file's own overrides).</summary>
    private static (string Preset, List<(string Path, double Value)> Overrides) Preset(ModelParameters p)
    {
        var catalogue = ParameterCatalogue.Embedded;
        var defaults = catalogue.Defaults();
        var mine = ParameterSchema.Instance.ToVector(p);
        var best = catalogue.Presets.Values
            .Select(preset =>
            {
                var theirs = ParameterSchema.Instance.ToVector(preset.Apply(defaults));
                var diff = ParameterSchema.Instance.Leaves.Where(l => mine[l.Index] != theirs[l.Index]).Select(l => (l.Path, mine[l.Index])).ToList();
                return (preset.Name, diff);
            })
            .OrderBy(x => x.diff.Count).ThenBy(x => x.Name, StringComparer.Ordinal)
            .First();
        return best;
    }

    public static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Name(string name)
    {
        var n = name.EndsWith("-studio", StringComparison.Ordinal) ? name : name + "-studio";
        return n.Length > 60 ? n[..60].TrimEnd('-') : n;
    }

    private static string Flat(string text) => string.Join(' ', text.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
