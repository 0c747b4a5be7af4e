using PlaceSimulation.Studio.Levers;
using PlaceSimulation.Studio.Sessions;

namespace PlaceSimulation.Studio.Web;

/// <summary>
/// The session as the page and the HTTP interface read it (GET /api/state, the <c>state</c>
/// event). Public: what every participant may see (no token, no room code, no participant secrets).
/// </summary>
public static class StudioViews
{
    public static object State(StudioSession s)
    {
        var history = s.History;
        var last = history.Count > 0 ? history[^1] : null;
        var month = s.Month;
        return new
        {
            scenario = new { name = s.Source.Name, title = s.Source.Title, question = s.Source.Question, file = Path.GetFileName(s.Source.Path) },
            place = new { id = s.Place.Id, label = s.Place.Label, households = s.Place.SimulatedHouseholds, realHouseholds = s.Place.BaseParameters.Place.Households },
            engine = s.Engine,
            month,
            date = last?.Date ?? s.DateOf(0),
            next = s.Finished ? null : s.DateOf(month),
            monthsRun = history.Count,
            totalMonths = s.Spec.Months,
            start = s.DateOf(0),
            playing = s.Playing,
            speed = s.Speed,
            finished = s.Finished,
            problem = s.Problem,
            lastStepSeconds = s.LastStepSeconds,
            locked = s.Room.Locked,
            worlds = Worlds.Keys.Select((k, i) => new { key = k, label = Worlds.Labels[i] }),
            metrics = Worlds.Metrics.Select(n => Worlds.Metric(n)).Select(m => new { name = m.Name, label = m.Label, unit = m.Unit, lowerIsBetter = m.LowerIsBetter, description = m.Description }),
            charted = Worlds.Charted,
            bridged = Worlds.Bridged,
            levers = Levers(s),
            pulls = s.Pulls,
            history,
            following = s.Following,
            participants = s.Room.Participants.Select(p => new { handle = p.Handle, name = p.Name, role = Roles.Name(p.Role) }),
            roles = Roles.ForParticipants.Select(r => new { name = Roles.Name(r), label = Roles.Label(r) }),
            loops = Loops(s, last),
        };
    }

    public static IEnumerable<object> Levers(StudioSession s)
    {
        var month = Math.Min(s.Month, s.Spec.Months - 1);
        var with = s.ParametersAt(Worlds.WithChanges, month);
        var asIs = s.ParametersAt(Worlds.AsItIs, month);
        return s.Levers.All.Select(l => new
        {
            path = l.Path,
            name = ShortName(l.Path),
            group = l.Group,
            groupLabel = l.GroupLabel,
            owner = Roles.Name(l.Owner),
            local = l.Local,
            unit = l.Info.Unit,
            min = l.Info.Min,
            max = l.Info.Max,
            isSwitch = l.Info.IsSwitch,
            description = l.Info.Description,
            source = l.Info.Provenance,
            value = Model.Parameters.ParameterSchema.Instance[l.Path].Get(with),
            asItIs = Model.Parameters.ParameterSchema.Instance[l.Path].Get(asIs),
        }).ToList();
    }

    /// <summary>The lever's own name in words, its unit left to the unit shown beside it ("budget_gbp_month_per_1000" is "budget").</summary>
    public static string ShortName(string path)
    {
        var leaf = path[(path.LastIndexOf('.') + 1)..];
        var unit = leaf.IndexOf("_gbp", StringComparison.Ordinal);
        if (unit > 0) leaf = leaf[..unit];
        return leaf.Replace('_', ' ');
    }

    /// <summary>
    /// The feedback loops of the model (docs/MODEL.md §6.2), each with its switch and its
    /// strength in both worlds this month: how much staff effectiveness, community engagement
    /// and community organisations' capacity have lost (0 = nothing, 1 = all).
    /// </summary>
    public static IEnumerable<object> Loops(StudioSession s, MonthRecord? last)
    {
        var month = Math.Min(s.Month, s.Spec.Months - 1);
        double? Lost(int world, string metric)
        {
            if (last is null) return 0;
            var v = last.Values[world][Array.IndexOf(Worlds.Metrics, metric)];
            return v is null ? null : Math.Clamp(1 - v.Value, 0, 1);
        }
        object Loop(string key, string name, string links, string switchPath, string metric, string meaning) => new
        {
            key, name, links, @switch = switchPath, meaning,
            on = s.ValueAt(Worlds.WithChanges, switchPath, month) >= 0.5,
            onAsItIs = s.ValueAt(Worlds.AsItIs, switchPath, month) >= 0.5,
            strength = new { asItIs = Lost(Worlds.AsItIs, metric), withChanges = Lost(Worlds.WithChanges, metric) },
        };
        var moreForLess = s.ValueAt(Worlds.WithChanges, "feedback.more_for_less_annual", month);
        return
        [
            Loop("pressure", "Pressure → staff turnover → weaker relational work", "demand over capacity|staff turnover|weaker casework",
                "feedback.pressure_turnover_on", "staff_effectiveness", "share of staff effectiveness lost"),
            Loop("disengagement", "Broken promises → disengagement → less help-seeking", "requests refused|trust lost|fewer ask for help",
                "feedback.disengagement_on", "community_engagement", "share of community engagement lost"),
            Loop("reliance", "Reliance on community organisations → burnout", "needs pushed to VCSE|overload|capacity lost",
                "feedback.vcse_reliance_on", "vcse_capacity", "share of community organisations' capacity lost"),
            new
            {
                key = "more_for_less", name = "'More for less' commissioning", links = "flat contracts|more work a year|less per contact",
                @switch = "feedback.more_for_less_on", meaning = "share a commissioned contact loses each year",
                on = s.ValueAt(Worlds.WithChanges, "feedback.more_for_less_on", month) >= 0.5,
                onAsItIs = s.ValueAt(Worlds.AsItIs, "feedback.more_for_less_on", month) >= 0.5,
                strength = new
                {
                    asItIs = s.ValueAt(Worlds.AsItIs, "feedback.more_for_less_on", month) >= 0.5 ? s.ValueAt(Worlds.AsItIs, "feedback.more_for_less_annual", month) : 0,
                    withChanges = s.ValueAt(Worlds.WithChanges, "feedback.more_for_less_on", month) >= 0.5 ? moreForLess : 0,
                },
            },
        ];
    }
}
