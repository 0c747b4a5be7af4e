using PlaceSimulation.Runs;
using Spectre.Console;

namespace PlaceSimulation.Cli.Terminal;

/// <summary>
/// Shows a run's progress (place-months done of all) until it ends, well or not: a live bar in
/// a terminal; piped or in CI, a line at every tenth, ending with 100% when the run finished.
/// </summary>
public static class RunProgressBar
{
    public static async Task FollowAsync(ProgressSink progress, Task run, string label)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            await FollowPlainAsync(progress, run, label);
            return;
        }
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(label), maxValue: Math.Max(1, progress.Total));
                while (!run.IsCompleted)
                {
                    await Task.WhenAny(run, Task.Delay(200));
                    task.Value = progress.Done;
                }
                if (run.IsCompletedSuccessfully) task.Value = task.MaxValue;
                else task.StopTask();
                ctx.Refresh();
            });
    }

    private static async Task FollowPlainAsync(ProgressSink progress, Task run, string label)
    {
        var shown = -1;
        void Show(int percent)
        {
            if (percent <= shown) return;
            shown = percent;
            AnsiConsole.WriteLine($"{label}: {percent}%");
        }
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(500));
            var total = Math.Max(1, progress.Total);
            var tenth = (int)(10L * Math.Min(progress.Done, total) / total) * 10;
            if (tenth < 100) Show(tenth);
        }
        if (run.IsCompletedSuccessfully) Show(100);
    }
}
