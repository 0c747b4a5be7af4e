using System.Security.Cryptography;
using System.Text;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Runs;

/// <summary>
/// A SHA-256 of everything that decides a run's numbers: its shape, seed, places (with every
/// parameter), arms and their levers, and the counter layout. Two runs with one fingerprint
/// give the same bytes, so a resumed run may take the jobs an interrupted one finished.
/// </summary>
public static class RunFingerprint
{
    public static string Of(RunSpec spec)
    {
        var text = new StringBuilder();
        var r = System.Globalization.CultureInfo.InvariantCulture;
        text.Append(r, $"placesim-run-v1|{spec.Start}|{spec.Months}|{spec.BurnInMonths}|{spec.Seed}|{spec.Replications}|{Counter.Count}\n");
        foreach (var p in spec.Places)
            text.Append(r, $"place|{p.Id}|{p.StreamId}|{p.SimulatedHouseholds}|{string.Join(",", ParameterSchema.Instance.ToVector(p.BaseParameters).Select(v => v.ToString("R", r)))}\n");
        foreach (var a in spec.Arms)
        {
            text.Append(r, $"arm|{a.Name}\n");
            foreach (var c in a.Changes) text.Append(r, $"change|{c.Path}|{c.FromMonth}|{c.Op}|{c.Value:R}|{c.Place}|{c.Sequence}\n");
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
