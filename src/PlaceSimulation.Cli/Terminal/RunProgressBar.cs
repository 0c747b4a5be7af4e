using PlaceSimulation.Runs;
using Spectre.Console;

namespace PlaceSimulation.Cli.Terminal;

/// <summary>Shows a run's progress (place-months done of all) until it ends, well or not.</summary>
public static class RunProgressBar
{
    public static async Task FollowAsync(ProgressSink progress, Task run, string label)
    {
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
            });
    }
}
