namespace PlaceSimulation.Model.Tests;

/// <summary>Finds files of the repository (docs, scenarios) from the test's output folder.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "PlaceSimulation.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("cannot find the repository root (PlaceSimulation.sln) above " + AppContext.BaseDirectory);
    }
}
