using System.Text;
using PlaceSimulation.Reports.Charts;

namespace PlaceSimulation.Reports.Report;

/// <summary>The "charts" section of a report.md: each chart with its title, the image, its paragraph and its files.</summary>
public static class ChartSection
{
    public static void Append(StringBuilder md, IReadOnlyList<WrittenChart> charts)
    {
        md.AppendLine("## The charts");
        md.AppendLine();
        md.AppendLine("Each chart is in `charts/` as PNG and SVG, at 1600×900 for slides and 1080×1080 for social posts (`-square`, with a short title and caption), with the numbers it plots beside it as CSV and its alt text (what it shows, its finding in numbers and its full caption) as `.txt`, for screen readers and social posts.");
        md.AppendLine();
        var n = 0;
        foreach (var c in charts)
        {
            n++;
            md.AppendLine($"### {n}. {c.Title}");
            md.AppendLine();
            md.AppendLine($"![{Alt(c)}]({c.Image("slide", "png").File})");
            md.AppendLine();
            if (c.Story.Length > 0)
            {
                md.AppendLine(c.Story);
                md.AppendLine();
            }
            md.AppendLine($"Files: slide [PNG]({c.Image("slide", "png").File}), [SVG]({c.Image("slide", "svg").File}); "
                + $"square [PNG]({c.Image("square", "png").File}), [SVG]({c.Image("square", "svg").File}); data [CSV]({c.DataFile})"
                + (c.AltTextFile.Length > 0 ? $"; alt text [TXT]({c.AltTextFile})." : "."));
            md.AppendLine();
        }
    }

    /// <summary>The alt text in a markdown image: brackets and line breaks would end it early.</summary>
    public static string Alt(WrittenChart c) =>
        (c.AltText.Length > 0 ? c.AltText : c.Title).Replace("[", "(").Replace("]", ")").Replace("\n", " ").Replace("\r", "");
}
