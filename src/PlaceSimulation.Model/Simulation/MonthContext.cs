using PlaceSimulation.Model.Calendar;
using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Places;

namespace PlaceSimulation.Model.Simulation;

/// <summary>
/// Everything a household or service needs to know about the month: which month, the
/// parameters in force (levers already applied), and the place's signals from the end of
/// the previous month. The same context goes to every block of a place.
/// </summary>
public sealed record MonthContext(
    int Month,
    YearMonth Calendar,
    ModelParameters Parameters,
    PlaceSignals Signals,
    ulong ReplicationKey,
    ulong PlaceKey,
    double Weight)
{
    /// <summary>The household's entity id for counter-based randomness: unique within a place, stable across runs.</summary>
    public ulong HouseholdEntity(int id) => PlaceKey + (ulong)(uint)id;
}
