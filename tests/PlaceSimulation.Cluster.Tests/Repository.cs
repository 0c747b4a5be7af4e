namespace PlaceSimulation.Cluster.Tests;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Scenario(string name) => Path.Combine(Root, "scenarios", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PlaceSimulation.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no PlaceSimulation.sln above {AppContext.BaseDirectory}");
    }
}
