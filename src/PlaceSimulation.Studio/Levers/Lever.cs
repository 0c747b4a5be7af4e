using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Studio.Levers;

/// <summary>Who may pull a lever: the facilitator pulls any; each participant only its role's.</summary>
public enum Role { Facilitator, National, Council, Voluntary, Observer }

public static class Roles
{
    public static string Name(Role r) => r switch
    {
        Role.Facilitator => "facilitator",
        Role.National => "national",
        Role.Council => "council",
        Role.Voluntary => "voluntary",
        _ => "observer",
    };

    public static string Label(Role r) => r switch
    {
        Role.Facilitator => "Facilitator",
        Role.National => "National government",
        Role.Council => "Council",
        Role.Voluntary => "Voluntary sector",
        _ => "Observer",
    };

    /// <summary>The roles a facilitator gives participants.</summary>
    public static readonly Role[] ForParticipants = [Role.National, Role.Council, Role.Voluntary, Role.Observer];

    public static bool TryParse(string? text, out Role role)
    {
        foreach (var r in Enum.GetValues<Role>())
            if (string.Equals(Name(r), text, StringComparison.OrdinalIgnoreCase)) { role = r; return true; }
        role = Role.Observer;
        return false;
    }
}

/// <summary>
/// One lever on the page: a parameter of <c>parameters/</c> with its unit, bounds, description
/// and source, the group it is shown in, which role may pull it, and which side of the offset
/// bridge it counts on (local: the place's own levers; national: everything else).
/// </summary>
public sealed record Lever(ParameterInfo Info, string Group, string GroupLabel, Role Owner, bool Local)
{
    public string Path => Info.Path;

    /// <summary>Why a value cannot be set, or null: within min and max; a switch is 0 or 1.</summary>
    public string? Problem(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return $"{Path}: {value} is not a number";
        if (Info.IsSwitch && value is not (0 or 1)) return $"{Path} is a switch: expected 0 (off) or 1 (on), not {value}";
        if (Info.Min is { } min && value < min) return $"{Path}: {value} is below its minimum {min} ({Info.Unit})";
        if (Info.Max is { } max && value > max) return $"{Path}: {value} is above its maximum {max} ({Info.Unit})";
        return null;
    }
}
