namespace PlaceSimulation.Cli.Tests;

/// <summary>Where the repository's files are: found by walking up from the test assembly to PlaceSimulation.sln.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string ScenariosFolder => Path.Combine(Root, "scenarios");

    /// <summary>Every shipped scenario file, by file name (for theory data).</summary>
    public static TheoryData<string> ScenarioFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(ScenariosFolder, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)) data.Add(f!);
        return data;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PlaceSimulation.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no PlaceSimulation.sln above {AppContext.BaseDirectory}");
    }
}

/// <summary>A fresh, empty folder under the system's temporary folder, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"placesim-tests-{Guid.NewGuid():N}");

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>The names of everything directly in the folder, hidden entries included.</summary>
    public string[] Entries() => Directory.EnumerateFileSystemEntries(Path).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    public string Write(string name, string text)
    {
        File.WriteAllText(this[name], text);
        return this[name];
    }

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}

/// <summary>A small valid scenario (real YAML) that the tests run or spoil.</summary>
public static class SmallScenario
{
    public const string Yaml = """
        # A small scenario for the end-to-end tests.
        name: cli-test
        title: CLI test
        question: Does placesim give the same numbers every time?
        start: 2025-04
        months: 12
        seed: 5
        replications: 2
        households: 500
        places:
          - id: northern-borough
            preset: like-middlesbrough
          - id: market-town
            preset: like-east-lindsey
        policies:
          harsher-sanctions:
            description: Sanctions twice as frequent.
            changes:
              - from: 2025-07
                scale:
                  national.sanctions.monthly_rate: 2
        arms:
          current: []
          harsher: [harsher-sanctions]
        """;
}
