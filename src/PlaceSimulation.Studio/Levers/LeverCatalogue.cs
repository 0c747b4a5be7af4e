using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Studio.Levers;

/// <summary>
/// The levers the room can pull, made from the parameter files (one table, not a list in the
/// page): every national and local parameter, the economy's (cost of living and the labour
/// market, a national force) and the feedback loops' on/off switches (a facilitator's lever).
/// Groups follow the files: national.sanctions.* is "Sanctions", local.crisis_fund.* is
/// "Crisis fund", and so on.
/// </summary>
public sealed class LeverCatalogue
{
    private readonly Dictionary<string, Lever> _byPath;

    public LeverCatalogue(ParameterCatalogue parameters)
    {
        All = parameters.Parameters.Values
            .Select(Make)
            .OfType<Lever>()
            .OrderBy(l => SideOrder(l))
            .ThenBy(l => l.Group, StringComparer.Ordinal)
            .ThenBy(l => l.Info.File, StringComparer.Ordinal)
            .ThenBy(l => l.Info.Line)
            .ToList();
        _byPath = All.ToDictionary(l => l.Path, StringComparer.Ordinal);
    }

    public static LeverCatalogue Embedded { get; } = new(ParameterCatalogue.Embedded);

    public IReadOnlyList<Lever> All { get; }

    public Lever? Find(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>May this role pull this lever? The facilitator pulls any; observers none.</summary>
    public static bool Allowed(Role role, Lever lever) => role == Role.Facilitator || (role != Role.Observer && lever.Owner == role);

    private static int SideOrder(Lever l) => l.Owner switch { Role.National => 0, Role.Council => 1, Role.Voluntary => 2, _ => 3 };

    private static Lever? Make(ParameterInfo p)
    {
        var parts = p.Path.Split('.');
        if (parts.Length < 2) return null;
        switch (parts[0])
        {
            case "national":
                return new Lever(p, "national." + parts[1], "National: " + Words(parts[1]), Role.National, Local: false);
            case "economy":
                return new Lever(p, "economy", "National: economy and cost of living", Role.National, Local: false);
            case "local" when parts[1] == "vcse":
                return new Lever(p, "local.vcse", "Voluntary sector: community organisations", Role.Voluntary, Local: true);
            case "local":
                return new Lever(p, "local." + parts[1], "Local: " + Words(parts[1]), Role.Council, Local: true);
            case "feedback" when p.IsSwitch:
                return new Lever(p, "feedback", "Feedback loops", Role.Facilitator, Local: false);
            default:
                return null;
        }
    }

    private static string Words(string snake) => snake switch
    {
        "vcse" => "community organisations",
        "systems_change" => "systems change",
        "universal_credit" => "Universal Credit",
        "mental_health" => "mental health",
        "crisis_fund" => "crisis fund",
        "council_tax" => "council tax",
        "council_tax_rules" => "council tax rules",
        _ => snake.Replace('_', ' '),
    };
}
