namespace PlaceSimulation.Grains;

/// <summary>
/// Grain keys. Every key starts with the run id (DESIGN.md §3.5), so several runs, arms and
/// replications share a cluster without touching each other.
/// </summary>
public static class GrainKeys
{
    public static string World(string runId, int arm, int replication) => $"{runId}/a{arm}/r{replication}";
    public static string Place(string world, string placeId) => $"{world}/{placeId}";
    public static string Service(string place, Model.Services.ServiceKind service) => $"{place}/{Model.Services.ServiceKinds.Name(service)}";
    public static string Block(string place, int block) => $"{place}/b{block}";
}
