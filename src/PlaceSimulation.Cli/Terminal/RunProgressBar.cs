using PlaceSimulation.Grains;
using Spectre.Console;

namespace PlaceSimulation.Cli.Terminal;

/// <summary>Shows a run's progress (place-months done of all) until it finishes.</summary>
public static class RunProgressBar
{
    public static async Task<RunProgress> FollowAsync(ISimulationGrain run, string label, CancellationToken cancel)
    {
        RunProgress progress = await run.GetProgress();
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(label), maxValue: Math.Max(1, progress.PlaceMonthsTotal));
                while (!progress.Finished)
                {
                    await Task.Delay(200, cancel);
                    progress = await run.GetProgress();
                    task.Value = progress.PlaceMonthsDone;
                }
                task.Value = task.MaxValue;
            });
        return progress;
    }
}
