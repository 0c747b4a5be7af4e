using Microsoft.Extensions.Hosting;
using PlaceSimulation.Grains;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Client.Example;

/// <summary>A third party's client: it needs PlaceSimulation.Grains.Abstractions and Microsoft.Orleans.Client only.</summary>
public static class ClientExample
{
    /// <summary>Connects to silos started with 'placesim silo' on this machine (localhost clustering).</summary>
    public static async Task<IHost> ConnectAsync(int gatewayPort)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
            client.UseLocalhostClustering(gatewayPort, ClusterDefaults.ServiceId, ClusterDefaults.ClusterId));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>
    /// Runs one job (arm 0, replication 0, first place) of a scenario on the cluster, month by
    /// month, and returns the people in poverty in each recorded month.
    /// </summary>
    public static async Task<List<long>> PovertyByMonthAsync(IClusterClient client, string scenarioYaml)
    {
        // The scenario is checked as the CLI checks it; the silo checks the job again.
        var spec = ScenarioLoader.Parse("example.yaml", scenarioYaml).Spec;
        var job = spec.Jobs().First();

        // The owner secret: only a caller that knows it may step, steer or retire the job.
        var owner = Guid.NewGuid();
        var key = GrainKeys.Job($"example-{Guid.NewGuid():N}", job.Arm, job.Replication, job.Place.Id, attempt: 1);
        var place = client.GetGrain<IPlaceGrain>(key);
        await place.Start(job, owner).WaitAsync(ClusterDefaults.CallLimit);

        var poverty = new List<long>();
        try
        {
            PlaceMonthReport month;
            do
            {
                month = await place.AdvanceMonth(owner).WaitAsync(ClusterDefaults.CallLimit);
                if (month.Month >= 0) poverty.Add(month.Counters[Counter.PeopleInPoverty]); // burn-in months are < 0
            } while (!month.Finished);
        }
        finally
        {
            await place.Retire(owner); // its grains go now, not after ClusterDefaults.IdleRelease
        }
        return poverty;
    }
}
