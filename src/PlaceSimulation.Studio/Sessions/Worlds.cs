using PlaceSimulation.Model.Metrics;

namespace PlaceSimulation.Studio.Sessions;

/// <summary>
/// The four arms a session runs on the same households and random draws (common random
/// numbers). The page shows the first and the last, "as it is" and "with your changes"; the
/// two between carry only the room's local levers or only its national ones, so the offset
/// bridge (local effect, national effect, interaction, net: changes, positive = higher) can be drawn as the months go by.
/// They are the four arms of the offset design, in its order: neither, local, national, both.
/// </summary>
public static class Worlds
{
    public const int AsItIs = 0;
    public const int LocalOnly = 1;
    public const int NationalOnly = 2;
    public const int WithChanges = 3;
    public const int Count = 4;

    public static readonly string[] Keys = ["as_it_is", "local_only", "national_only", "with_changes"];
    public static readonly string[] Labels = ["As it is", "Your local levers only", "Your national levers only", "With your changes"];

    /// <summary>Does a pull of a lever on this side change this world?</summary>
    public static bool Takes(int world, bool localLever) => world switch
    {
        WithChanges => true,
        LocalOnly => localLever,
        NationalOnly => !localLever,
        _ => false,
    };

    /// <summary>The measures streamed each month for every world: the headline, the bridge's and the feedback loops'.</summary>
    public static readonly string[] Metrics =
    [
        "poverty_rate_ahc", "child_poverty_rate", "destitution_rate", "unmet_needs", "public_cost_gbp",
        "food_parcels", "crisis_fund_demand", "homelessness_rate", "sanction_rate", "take_up_rate",
        "staff_effectiveness", "staff_turnover", "community_engagement", "vcse_capacity",
    ];

    /// <summary>The measures drawn as live time charts, in order.</summary>
    public static readonly string[] Charted =
        ["poverty_rate_ahc", "child_poverty_rate", "destitution_rate", "unmet_needs", "food_parcels", "public_cost_gbp"];

    /// <summary>The measures the offset bridge can show.</summary>
    public static readonly string[] Bridged = ["destitution_rate", "poverty_rate_ahc", "child_poverty_rate", "unmet_needs"];

    public static MetricDefinition Metric(string name) => MetricCatalogue.ByName[name];
}
