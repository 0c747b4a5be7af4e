using System.Net;
using System.Text.Json;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Runs;
using PlaceSimulation.Scenarios;
using PlaceSimulation.Studio.Sessions;

namespace PlaceSimulation.Studio.Tests;

/// <summary>The studio's HTTP interface without a browser: what another tool driving a session relies on.</summary>
public sealed class StudioApiTests
{
    [Fact]
    public async Task Step_runs_a_month_in_both_worlds_and_state_says_so()
    {
        await using var studio = await TestStudio.StartAsync();
        var before = await studio.GetAsync("/api/state");
        Assert.Equal(0, before.GetProperty("monthsRun").GetInt32());
        Assert.Equal("2025-04", before.GetProperty("next").GetString());
        Assert.Equal(4, before.GetProperty("worlds").GetArrayLength());
        Assert.True(before.GetProperty("levers").GetArrayLength() > 60);

        var (status, _) = await studio.PostAsync("/api/step");
        Assert.Equal(HttpStatusCode.OK, status);
        var after = await studio.GetAsync("/api/state");
        Assert.Equal(1, after.GetProperty("monthsRun").GetInt32());
        Assert.Equal("2025-04", after.GetProperty("date").GetString());
        var values = after.GetProperty("history")[0].GetProperty("values");
        var poverty = values[0][0].GetDouble();
        Assert.InRange(poverty, 0.05, 0.6);
        // No lever pulled: the two worlds are the same households with the same draws.
        Assert.Equal(values[0].ToString(), values[3].ToString());
    }

    [Fact]
    public async Task A_lever_outside_its_bounds_is_refused_with_a_clear_error_and_nothing_applied()
    {
        await using var studio = await TestStudio.StartAsync();
        var (status, body) = await studio.PostAsync("/api/levers", new { path = "national.sanctions.monthly_rate", value = 2.0 });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("above its maximum 1", body.GetProperty("error").GetString());

        (status, body) = await studio.PostAsync("/api/levers", new { path = "national.sanctions.monthly_rat", value = 0.02 });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("did you mean national.sanctions.monthly_rate", body.GetProperty("error").GetString());

        (status, body) = await studio.PostAsync("/api/levers", new { path = "local.systems_change.integrated_front_door", value = 0.5 });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("switch", body.GetProperty("error").GetString());

        Assert.Empty(studio.Session.Pulls);
        Assert.Equal(0.026, studio.Session.ValueAt(Worlds.WithChanges, "national.sanctions.monthly_rate", 0), 12);
    }

    [Fact]
    public async Task A_pull_takes_effect_from_the_next_month_in_with_your_changes_only()
    {
        await using var studio = await TestStudio.StartAsync();
        await studio.PostAsync("/api/step");
        var (status, pull) = await studio.PostAsync("/api/levers", new { path = "national.funding.local_government_grant_scale", value = 0.5 });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, pull.GetProperty("month").GetInt32());
        Assert.Equal("2025-05", pull.GetProperty("date").GetString());
        await studio.PostAsync("/api/step");

        var h = studio.Session.History;
        var cost = Array.IndexOf(Worlds.Metrics, "public_cost_gbp");
        Assert.Equal(h[0].Values[Worlds.AsItIs][cost], h[0].Values[Worlds.WithChanges][cost]);     // month 0: before the pull
        Assert.True(h[1].Values[Worlds.WithChanges][cost] < h[1].Values[Worlds.AsItIs][cost]);     // month 1: grant halved
        Assert.Equal(h[1].Values[Worlds.AsItIs][cost], h[1].Values[Worlds.LocalOnly][cost]);      // a national lever: not in the local-only world
        Assert.Equal(h[1].Values[Worlds.WithChanges][cost], h[1].Values[Worlds.NationalOnly][cost]);
    }

    [Fact]
    public async Task The_bridge_follows_the_one_sign_convention_each_measure_a_change_positive_higher()
    {
        await using var studio = await TestStudio.StartAsync();
        await studio.PostAsync("/api/step");
        await studio.PostAsync("/api/levers", new { path = "national.funding.local_government_grant_scale", value = 0.5 });
        var (status, _) = await studio.PostAsync("/api/levers", new { path = "local.advice.budget_gbp_month_per_1000", value = 2500.0 });
        Assert.Equal(HttpStatusCode.OK, status);
        await studio.PostAsync("/api/step");
        await studio.PostAsync("/api/step");

        var month = studio.Session.History[^1];
        Assert.Contains(month.Bridge, b => b.LocalEffect is not null);
        foreach (var b in month.Bridge.Where(b => b.LocalEffect is not null))
        {
            var k = Array.IndexOf(Worlds.Metrics, b.Metric);
            double Y(int world) => month.Values[world][k]!.Value;
            Assert.Equal(Y(Worlds.LocalOnly) - Y(Worlds.AsItIs), b.LocalEffect!.Value, 12);
            Assert.Equal(Y(Worlds.NationalOnly) - Y(Worlds.AsItIs), b.NationalEffect!.Value, 12);
            Assert.Equal(Y(Worlds.WithChanges) - Y(Worlds.AsItIs), b.Net!.Value, 12);
            Assert.Equal(b.Net!.Value, b.LocalEffect!.Value + b.NationalEffect!.Value + b.Interaction!.Value, 12);
            // A share only when the local levers moved the measure down (all bridged measures: lower is better).
            Assert.Equal(b.LocalEffect!.Value < 0, b.OffsetShare is not null);
        }
        // The page reads the same names.
        var state = await studio.GetAsync("/api/state");
        var bridge = state.GetProperty("history")[2].GetProperty("bridge")[0];
        Assert.True(bridge.TryGetProperty("localEffect", out _));
        Assert.True(bridge.TryGetProperty("nationalEffect", out _));
        Assert.False(bridge.TryGetProperty("localGain", out _));
    }

    [Fact]
    public async Task Saved_scenario_run_again_gives_the_counters_the_studio_streamed()
    {
        await using var studio = await TestStudio.StartAsync(households: 250, months: 6);
        await studio.PostAsync("/api/step");
        await studio.PostAsync("/api/levers", new { path = "local.crisis_fund.budget_gbp_month_per_1000", value = 12000 });
        await studio.PostAsync("/api/levers", new { path = "national.sanctions.monthly_rate", value = 0.08 });
        await studio.PostAsync("/api/step");
        await studio.PostAsync("/api/levers", new { path = "national.sanctions.monthly_rate", value = 0.01 });
        for (var i = 0; i < 4; i++) await studio.PostAsync("/api/step");

        var yaml = await studio.Http.GetStringAsync("/api/scenario");
        var saved = ScenarioLoader.Parse("saved.yaml", yaml);
        Assert.Equal(["as-it-is", "local-only", "national-only", "with-your-changes"], saved.Spec.Arms.Select(a => a.Name));
        Assert.NotNull(saved.Offset);

        var sink = new ResultsSink(saved.Spec);
        await RunPipeline.RunAsync(saved.Spec, new InProcessEngine(), sink);
        var streamed = studio.Session.Counters;
        Assert.Equal(6, streamed.Count);
        for (var arm = 0; arm < 4; arm++)
        for (var m = 0; m < 6; m++)
            Assert.Equal(streamed[m][arm], sink.Results.Get(arm, 0, 0, m).ToArray());
        // And the levers made a difference, so the check is not of four equal worlds.
        Assert.NotEqual(streamed[5][Worlds.AsItIs], streamed[5][Worlds.WithChanges]);
    }

    [Fact]
    public async Task Participants_join_with_the_room_code_and_pull_only_their_roles_levers()
    {
        await using var studio = await TestStudio.StartAsync();
        var (status, body) = await studio.PostAsync("/api/join", new { code = "WRONG1", name = "Ada" });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        (status, body) = await studio.PostAsync("/api/join", new { code = studio.Session.Room.Code.ToLowerInvariant(), name = "Ada" });
        Assert.Equal(HttpStatusCode.OK, status);
        var id = body.GetProperty("participant").GetString()!;
        var handle = body.GetProperty("handle").GetString()!;

        // An observer pulls nothing.
        (status, _) = await studio.PostAsync("/api/levers", new { path = "local.crisis_fund.budget_gbp_month_per_1000", value = 100 }, participant: id);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        // Only the facilitator gives roles.
        (status, _) = await studio.PostAsync($"/api/participants/{handle}/role", new { role = "council" }, participant: id);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        (status, _) = await studio.PostAsync($"/api/participants/{handle}/role", new { role = "council" });
        Assert.Equal(HttpStatusCode.OK, status);

        (status, _) = await studio.PostAsync("/api/levers", new { path = "local.crisis_fund.budget_gbp_month_per_1000", value = 100 }, participant: id);
        Assert.Equal(HttpStatusCode.OK, status);
        (status, body) = await studio.PostAsync("/api/levers", new { path = "national.sanctions.monthly_rate", value = 0.01 }, participant: id);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("national government", body.GetProperty("error").GetString());
        // The participant's controls stop too.
        (status, _) = await studio.PostAsync("/api/step", participant: id);
        Assert.Equal(HttpStatusCode.Forbidden, status);

        await studio.PostAsync("/api/lock", new { locked = true });
        (status, _) = await studio.PostAsync("/api/levers", new { path = "local.crisis_fund.budget_gbp_month_per_1000", value = 200 }, participant: id);
        Assert.Equal((HttpStatusCode)423, status);
        (status, _) = await studio.PostAsync("/api/levers", new { path = "local.crisis_fund.budget_gbp_month_per_1000", value = 200 });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, studio.Session.Pulls.Count);
        Assert.Equal("Ada", studio.Session.Pulls[0].Who);
    }

    [Fact]
    public async Task Off_loopback_the_facilitator_needs_the_token_and_others_the_room_code()
    {
        await using var studio = await TestStudio.StartAsync(requireCredentials: true);
        using (var r = await studio.Http.GetAsync("/api/state")) Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        var (status, body) = await studio.PostAsync("/api/step");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("session token", body.GetProperty("error").GetString());
        (status, _) = await studio.PostAsync("/api/step", token: "not-the-token");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        (status, _) = await studio.PostAsync("/api/step", token: studio.Session.Room.Token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, studio.Session.Month);
    }

    [Fact]
    public async Task The_event_stream_starts_with_the_whole_state_then_sends_each_month()
    {
        await using var studio = await TestStudio.StartAsync();
        await studio.PostAsync("/api/step");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var stream = await studio.Http.GetStreamAsync("/api/events", cancel.Token);
        using var reader = new StreamReader(stream);
        async Task<(string Event, JsonElement Data)> Next()
        {
            string? type = null;
            while (await reader.ReadLineAsync(cancel.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) return (type!, JsonDocument.Parse(line[6..]).RootElement.Clone());
            }
            throw new EndOfStreamException();
        }
        var (first, state) = await Next();
        Assert.Equal("state", first);
        Assert.Equal(1, state.GetProperty("monthsRun").GetInt32());   // a page that reconnects gets the months already run
        await studio.PostAsync("/api/step");
        var (second, month) = await Next();
        Assert.Equal("month", second);
        Assert.Equal(1, month.GetProperty("record").GetProperty("month").GetInt32());
        Assert.Equal("2025-05", month.GetProperty("record").GetProperty("date").GetString());
    }

    [Fact]
    public async Task Following_a_household_by_filter_tells_its_months_in_both_worlds()
    {
        await using var studio = await TestStudio.StartAsync();
        var (status, body) = await studio.PostAsync("/api/follow", new { adults = 1, tenure = "private_rent" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("A lone parent", body.GetProperty("introduction").GetString()!.Replace("A single adult", "A lone parent"));
        Assert.Contains("renting privately", body.GetProperty("introduction").GetString());
        await studio.PostAsync("/api/step");
        await studio.PostAsync("/api/step");
        var story = studio.Session.Following!.Story;
        Assert.Equal(2, story.Count);
        Assert.Matches("£[0-9,]+ (a month|of debt|for housing)", story[1].AsItIs);
        Assert.Equal("2025-05", story[1].Date);

        (status, body) = await studio.PostAsync("/api/follow", new { adults = 9 });
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("no household matches", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Export_writes_the_chart_pack_of_the_months_run()
    {
        await using var studio = await TestStudio.StartAsync(households: 200, months: 3);
        var (status, _) = await studio.PostAsync("/api/export", new { });
        Assert.Equal(HttpStatusCode.Conflict, status);
        await studio.PostAsync("/api/levers", new { path = "local.crisis_fund.budget_gbp_month_per_1000", value = 9000 });
        for (var i = 0; i < 3; i++) await studio.PostAsync("/api/step");
        (status, var body) = await studio.PostAsync("/api/export", new { });
        Assert.Equal(HttpStatusCode.OK, status);
        var folder = body.GetProperty("folder").GetString()!;
        Assert.True(File.Exists(Path.Combine(folder, "timeseries.csv")));
        Assert.True(File.Exists(Path.Combine(folder, "report.md")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "charts"), "*.png"));
        var rows = File.ReadAllLines(Path.Combine(folder, "timeseries.csv"));
        Assert.Equal(1 + 2 * 2 * 3 * MetricCatalogue.All.Count, rows.Length);   // two arms (as it is, with your changes), the place and "all", three months
    }
}
