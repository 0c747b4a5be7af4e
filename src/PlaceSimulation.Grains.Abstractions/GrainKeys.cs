namespace PlaceSimulation.Grains;

/// <summary>
/// Grain keys. Every key starts with the run id, so several runs, arms and
/// replications share a cluster without touching each other; a job's key also names its
/// attempt, so a job run again after a fault never meets what is left of the failed try.
/// </summary>
public static class GrainKeys
{
    public static string Job(string runId, int arm, int replication, string placeId, int attempt) =>
        $"{runId}/a{arm}/r{replication}/{placeId}/t{attempt}";
    /// <summary>The run a job key belongs to (the key less its arm, replication, place and attempt).</summary>
    public static string RunOf(string jobKey)
    {
        var end = jobKey.Length;
        for (var i = 0; i < 4; i++)
        {
            end = jobKey.LastIndexOf('/', end - 1);
            if (end <= 0) throw new ArgumentException($"'{jobKey}' is not a job key (run/aA/rR/place/tT)");
        }
        return jobKey[..end];
    }

    public static string Service(string job, Model.Services.ServiceKind service) => $"{job}/{Model.Services.ServiceKinds.Name(service)}";
    public static string Block(string job, int block) => $"{job}/b{block}";
}
