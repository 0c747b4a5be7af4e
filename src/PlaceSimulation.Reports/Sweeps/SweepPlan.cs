using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Simulation;
using PlaceSimulation.Scenarios;
using PlaceSimulation.Sensitivity;

namespace PlaceSimulation.Reports.Sweeps;

/// <summary>A point of a sweep: its number (from 1), what it is for, and the value of every varied parameter.</summary>
/// <param name="Kind">"design" (a point of the sweep's design), "base" (the scenario's own values) or "low"/"high" (one parameter at the end of its range, the rest at base: the tornado)</param>
/// <param name="Parameter">for "low" and "high", the parameter moved; otherwise -1</param>
/// <param name="Values">the value of each varied parameter; NaN where the point leaves it at the scenario's value</param>
public sealed record SweepPoint(int Number, string Kind, int Parameter, double[] Values);

/// <summary>
/// A sweep made into one run: every point (the design's, then the base point and the
/// one-at-a-time low and high points of the tornado) runs every arm and replication of the
/// scenario. A point's places are the scenario's places with the point's parameter values
/// in their base parameters (so a parameter read when households are made moves too); they
/// keep the place's random streams, so every point meets the same households and draws
/// (common random numbers). Each point x arm x replication x place is a job of the pipeline.
/// </summary>
public sealed class SweepPlan
{
    private SweepPlan(Scenario scenario, SweepBlock block, IReadOnlyList<ParameterRange> ranges, double[][]? unit, IReadOnlyList<SweepPoint> points, RunSpec spec)
    {
        Scenario = scenario;
        Block = block;
        Ranges = ranges;
        Unit = unit;
        Points = points;
        Spec = spec;
    }

    public Scenario Scenario { get; }
    public SweepBlock Block { get; }
    public IReadOnlyList<ParameterRange> Ranges { get; }

    /// <summary>The design's points in the unit cube (lhs, morris, sobol), in the design's order; null for a grid.</summary>
    public double[][]? Unit { get; }

    public IReadOnlyList<SweepPoint> Points { get; }

    /// <summary>The run: places are point-major (point 1's places, then point 2's, ...).</summary>
    public RunSpec Spec { get; }

    public int PlacesPerPoint => Scenario.Spec.Places.Count;

    public IEnumerable<SweepPoint> DesignPoints => Points.Where(p => p.Kind == "design");

    /// <param name="tornado">add the base point and each parameter's low and high points (one at a time)</param>
    public static SweepPlan For(Scenario scenario, bool tornado = true)
    {
        var block = scenario.Sweep ?? throw new ArgumentException($"{scenario.Path} has no sweep block");
        var ranges = block.Vary.Select(v => new ParameterRange(v.Path, v.Low, v.High, v.Levels)).ToArray();
        var d = ranges.Length;
        double[][]? unit = block.Design switch
        {
            SweepDesign.Lhs => LatinHypercube.Generate(block.Samples, d, scenario.Spec.Seed),
            SweepDesign.Morris => MorrisDesign.Generate(block.Samples, d, scenario.Spec.Seed),
            SweepDesign.Sobol => SaltelliDesign.Generate(block.Samples, d),
            _ => null,
        };
        var designValues = unit is null
            ? FullFactorial.Generate(ranges, block.Samples)
            : unit.Select(u => u.Select((x, i) => ranges[i].At(x)).ToArray()).ToArray();

        var points = new List<SweepPoint>();
        foreach (var v in designValues) points.Add(new SweepPoint(points.Count + 1, "design", -1, v));
        points.Add(new SweepPoint(points.Count + 1, "base", -1, Enumerable.Repeat(double.NaN, d).ToArray()));
        for (var i = 0; i < (tornado ? d : 0); i++)
        foreach (var (kind, value) in new[] { ("low", ranges[i].Low), ("high", ranges[i].High) })
        {
            var values = Enumerable.Repeat(double.NaN, d).ToArray();
            values[i] = value;
            points.Add(new SweepPoint(points.Count + 1, kind, i, values));
        }

        var basePlaces = scenario.Spec.Places;
        var places = new List<PlaceSpec>(points.Count * basePlaces.Count);
        foreach (var point in points)
        foreach (var place in basePlaces)
            places.Add(new PlaceSpec($"{place.Id}@{point.Number}", place.Label, WithValues(place.BaseParameters, block.Vary, point.Values),
                place.SimulatedHouseholds, place.StreamId ?? place.Id));
        var spec = scenario.Spec with { Name = scenario.Name + "-sweep", Places = places };
        return new SweepPlan(scenario, block, ranges, unit, points, spec);
    }

    private static ModelParameters WithValues(ModelParameters baseParameters, IReadOnlyList<SweepParameter> vary, double[] values)
    {
        var schema = ParameterSchema.Instance;
        var v = schema.ToVector(baseParameters);
        for (var i = 0; i < vary.Count; i++)
            if (!double.IsNaN(values[i])) v[schema[vary[i].Path].Index] = values[i];
        return schema.FromVector(v);
    }

    /// <summary>The run of one point alone: its places, as the scenario has them with the point's values.</summary>
    public RunSpec PointSpec(SweepPoint point) =>
        Scenario.Spec with { Places = Spec.Places.Skip((point.Number - 1) * PlacesPerPoint).Take(PlacesPerPoint).ToArray() };

    /// <summary>The index, in <see cref="Spec"/>, of a place of a point.</summary>
    public int PlaceIndex(SweepPoint point, int place) => (point.Number - 1) * PlacesPerPoint + place;
}
