namespace PlaceSimulation.Model.Parameters;

/// <summary>
/// Every number the model uses, as a typed tree. Values are not written here: they come
/// from the parameter files in <c>parameters/</c> (each with a unit and a source or a
/// stated assumption), then place presets, then a scenario's dated changes (overlays, as
/// PolicyEngine reforms are). A leaf's path is its property chain in snake_case, e.g.
/// <c>national.universal_credit.taper_rate</c>. Every leaf is a double; switches are 0 or 1.
/// </summary>
public sealed class ModelParameters
{
    public EconomyParameters Economy { get; set; } = new();
    public MeasureParameters Measures { get; set; } = new();
    public NationalParameters National { get; set; } = new();
    public LocalParameters Local { get; set; } = new();
    public PlaceParameters Place { get; set; } = new();
    public BehaviourParameters Behaviour { get; set; } = new();
    public FeedbackParameters Feedback { get; set; } = new();

    public ModelParameters Clone() => ParameterSchema.Instance.FromVector(ParameterSchema.Instance.ToVector(this));
}
