using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PlaceSimulation.Studio.Tests;

/// <summary>
/// The studio end to end in a real browser: Playwright drives Debian's Chromium
/// (/usr/bin/chromium; Playwright's own browser download cannot work here) against the real
/// <c>placesim studio</c> process on the embedded silo, and the saved scenario is run by the
/// real <c>placesim run</c>.
/// </summary>
public sealed class StudioBrowserTests
{
    public const string Chromium = "/usr/bin/chromium";

    public static BrowserTypeLaunchOptions Launch => new()
    {
        ExecutablePath = Chromium,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    };

    /// <summary>Where the screenshots go (STUDIO_SCREENSHOTS, or a folder under the system temp).</summary>
    public static string Shots { get; } = Environment.GetEnvironmentVariable("STUDIO_SCREENSHOTS") is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "placesim-studio-screenshots");

    [Fact]
    public async Task A_room_plays_pulls_a_lever_follows_a_household_joins_and_saves_a_scenario_that_runs_the_same()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium (.ci/run installs it)");
        Directory.CreateDirectory(Shots);
        var work = Path.Combine(Path.GetTempPath(), $"studio-e2e-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            await using var studio = await StudioProcess.StartAsync("--households", "600", "--months", "12");
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(Launch);
            Assertions.SetDefaultExpectTimeout(20_000);

            // The facilitator opens the page.
            var facilitator = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 }, AcceptDownloads = true });
            var page = await facilitator.NewPageAsync();
            await page.GotoAsync(studio.Url.ToString());
            await Expect(page.Locator("#charts .chart")).ToHaveCountAsync(6);
            await Expect(page.Locator("#role-badge")).ToHaveTextAsync("Facilitator");
            await Expect(page.Locator("#progress")).ToContainTextAsync("month 0 of 12");

            // Step one month, then pull a national lever: its hover shows unit, bounds and source.
            await page.ClickAsync("#step");
            await Expect(page.Locator("#progress")).ToContainTextAsync("month 1 of 12");
            await Expect(page.Locator("#date")).ToHaveTextAsync("April 2025");
            await page.ClickAsync("details[data-group='national.funding'] > summary");
            var lever = page.Locator(".lever[data-path='national.funding.local_government_grant_scale']");
            await lever.Locator(".name").HoverAsync();
            await Expect(page.Locator("#tip")).ToContainTextAsync("Source:");
            await Expect(page.Locator("#tip")).ToContainTextAsync("max 5");
            await lever.Locator("input[type=number]").FillAsync("0.5");
            await lever.Locator("input[type=number]").PressAsync("Tab");
            await Expect(page.Locator("#log")).ToContainTextAsync("national.funding.local_government_grant_scale");
            await Expect(page.Locator(".lever[data-path='national.funding.local_government_grant_scale']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("changed"));

            // Follow a household (a private renter), then play a few months.
            await page.SelectOptionAsync("#follow-form select[name=tenure]", "private_rent");
            await page.ClickAsync("#follow");
            await Expect(page.Locator("#follow-intro")).ToContainTextAsync("renting privately");
            await page.ClickAsync("#play");
            // At least five months (a loaded machine may have played further, or to the end, before we look).
            await Expect(page.Locator("#progress")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("month ([5-9]|1[0-2]) of 12"), new() { Timeout = 30_000 });
            await page.EvaluateAsync("() => fetch('/api/pause', { method: 'POST' })");   // pause (idempotent, also at the end)
            await Expect(page.Locator("#play")).ToContainTextAsync("Play");
            await Expect(page.Locator("#story .story-month").First).ToBeVisibleAsync();

            // The chart moved apart from "as it is" after the pull, and the pull is marked on it.
            var chart = await page.EvaluateAsync<JsonElement>("""
                () => {
                  const canvas = document.querySelector('[data-metric=public_cost_gbp] canvas');
                  const c = Chart.getChart(canvas);
                  const a = c.data.datasets[0].data, b = c.data.datasets[1].data;
                  const dpr = window.devicePixelRatio || 1;
                  const x = Math.round(c.scales.x.getPixelForValue(1) * dpr);
                  const top = Math.round(c.chartArea.top * dpr), bottom = Math.round(c.chartArea.bottom * dpr);
                  const px = canvas.getContext('2d').getImageData(x - 2, top, 5, bottom - top).data;
                  let marked = 0;
                  for (let i = 0; i < px.length; i += 4) if (px[i] > 180 && px[i + 1] > 60 && px[i + 1] < 130 && px[i + 2] < 60) marked++;
                  return { months: a.length, beforeSame: a[0] === b[0], afterLower: b[b.length - 1] < a[a.length - 1], marked };
                }
                """);
            Assert.True(chart.GetProperty("months").GetInt32() >= 5);
            Assert.True(chart.GetProperty("beforeSame").GetBoolean(), "the two worlds differ before the pull");
            Assert.True(chart.GetProperty("afterLower").GetBoolean(), "halving the grant did not lower public cost in 'with your changes'");
            Assert.True(chart.GetProperty("marked").GetInt32() > 20, "no marker line drawn at the month of the pull");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "studio-laptop.png") });

            // A participant joins from a second browser, is made the council, and sees only the council's levers.
            var room = (await page.Locator("#room b").TextContentAsync())!.Trim();
            var other = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
            var participant = await other.NewPageAsync();
            await participant.GotoAsync(new Uri(studio.Url, "join").ToString());
            await participant.FillAsync("#join-code", room);
            await participant.FillAsync("#join-name", "Ada");
            await participant.ClickAsync("#join-submit");
            await Expect(participant.Locator("#role-badge")).ToContainTextAsync("Ada");
            await Expect(participant.Locator("#levers .lever")).ToHaveCountAsync(0);   // an observer until given a role
            await Expect(participant.Locator("#play")).ToBeHiddenAsync();
            await page.SelectOptionAsync("#participants select[data-handle=p1]", "council");
            await Expect(participant.Locator("#role-badge")).ToContainTextAsync("Council");
            await Expect(participant.Locator("#levers .lever").First).ToBeAttachedAsync();
            var paths = await participant.Locator("#levers .lever").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.path)");
            Assert.NotEmpty(paths);
            Assert.All(paths, p => Assert.True(p.StartsWith("local.", StringComparison.Ordinal) && !p.StartsWith("local.vcse.", StringComparison.Ordinal), $"the council sees {p}"));
            Assert.Contains("local.crisis_fund.budget_gbp_month_per_1000", paths);
            await participant.ScreenshotAsync(new() { Path = Path.Combine(Shots, "studio-participant.png") });

            // The projector size.
            await page.SetViewportSizeAsync(1920, 1080);
            await page.WaitForTimeoutAsync(300);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "studio-projector.png") });

            // Save as scenario, run it with placesim run, and compare with what the browser was streamed.
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#save"));
            var saved = Path.Combine(work, "session.yaml");
            await download.SaveAsAsync(saved);
            var history = await page.EvaluateAsync<JsonElement>("() => ({ history: state.history, metrics: state.metrics.map(m => m.name) })");
            var run = await StudioProcess.RunAsync("run", saved, "--out", Path.Combine(work, "out"));
            Assert.True(run.ExitCode == 0, run.ToString());
            var csv = File.ReadAllLines(Path.Combine(work, "out", "timeseries.csv")).Skip(1).Select(l => l.Split(','))
                .Where(f => f[2] == "northern-borough")
                .ToDictionary(f => (f[0], f[3], f[4]), f => f[5]);
            var metrics = history.GetProperty("metrics").EnumerateArray().Select(m => m.GetString()!).ToArray();
            var compared = 0;
            foreach (var record in history.GetProperty("history").EnumerateArray())
            {
                var date = record.GetProperty("date").GetString()!;
                foreach (var (arm, world) in new[] { ("as-it-is", 0), ("with-your-changes", 3) })
                for (var k = 0; k < metrics.Length; k++)
                {
                    var streamed = record.GetProperty("values")[world][k];
                    var written = csv[(arm, date, metrics[k])];
                    if (streamed.ValueKind == JsonValueKind.Null) { Assert.Equal("NA", written); continue; }
                    var v = double.Parse(written, CultureInfo.InvariantCulture);
                    Assert.True(Math.Abs(v - streamed.GetDouble()) <= 1e-9 * Math.Max(1, Math.Abs(v)), $"{arm} {date} {metrics[k]}: studio {streamed} but placesim run {written}");
                    compared++;
                }
            }
            Assert.True(compared >= 5 * 2 * 10, $"only {compared} numbers compared");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
