using System.Globalization;
using CsvHelper;
using ScottPlot;

namespace PlaceSimulation.Reports.Charts;

/// <summary>The numbers a chart plots, as a tidy table: written beside the chart as CSV.</summary>
public sealed class ChartData(params string[] header)
{
    private readonly List<string[]> _rows = [];

    public IReadOnlyList<string> Header { get; } = header;
    public IReadOnlyList<string[]> Rows => _rows;

    public void Add(params string[] row)
    {
        if (row.Length != Header.Count) throw new ArgumentException($"a row has {row.Length} fields; the header has {Header.Count}");
        _rows.Add(row);
    }

    public void Write(string path)
    {
        using var stream = new StreamWriter(path, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        using var csv = CsvWriter.Create(stream, new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: false);
        foreach (var row in _rows.Prepend(Header.ToArray()))
        {
            foreach (var field in row) csv.WriteField(field);
            csv.EndRecord();
        }
    }
}

/// <summary>
/// A chart before it is drawn: its file stem, its title (the finding), its caption, how to
/// draw it at a given size (without the caption), the data it plots, and the paragraph
/// report.md gives it (what it shows and what it assumes).
/// </summary>
/// <remarks>
/// The square (social) version is drawn with <see cref="ShortTitle"/> (at most two lines)
/// and <see cref="ShortCaption"/> (at most two lines); the full caption goes to the alt text.
/// </remarks>
public sealed record ChartDraft(string Stem, string Title, string Caption, Func<ChartSize, Plot> Draw, ChartData Data, string Story = "")
{
    public string? ShortTitle { get; init; }
    public string? ShortCaption { get; init; }

    /// <summary>
    /// What the chart shows and its finding in numbers, for screen readers and social posts:
    /// the title, the report's paragraph (without markdown) and the full caption.
    /// </summary>
    public string AltText => string.Join(" ", new[] { ShortAlt, Caption }.Where(x => x.Trim().Length > 0)).Trim();

    /// <summary>The title and what the chart shows, with its numbers (report.md's image alt text).</summary>
    public string ShortAlt
    {
        get
        {
            var shows = Story.Replace("**", "");
            var cut = shows.IndexOf("What it assumes.", StringComparison.Ordinal);
            if (cut >= 0) shows = shows[..cut];
            shows = shows.Replace("What it shows. ", "").Trim();
            return $"Chart: {Title.TrimEnd('.')}. {shows}".Trim();
        }
    }
}

/// <summary>One image file of a chart, with the size it was drawn at.</summary>
public sealed record ChartImage(string File, string Format, string Size, int Width, int Height);

/// <summary>A chart written to disk: its title, its images (relative to the output folder), its data file and its paragraph.</summary>
public sealed record WrittenChart(string Stem, string Title, IReadOnlyList<ChartImage> Images, string DataFile, string Story)
{
    /// <summary>The short alt text (title and what it shows, in numbers); the full one, with the caption, is <c>stem.txt</c>.</summary>
    public string AltText { get; init; } = "";
    public string AltTextFile { get; init; } = "";

    public ChartImage Image(string size, string format) => Images.First(i => i.Size == size && i.Format == format);
}

/// <summary>
/// Draws charts at every size (1600×900 for slides, 1080×1080 for social posts) as PNG and
/// SVG, with the caption panel, and writes each chart's data beside it:
/// <c>stem.png</c>, <c>stem.svg</c>, <c>stem-square.png</c>, <c>stem-square.svg</c>, <c>stem.csv</c>.
/// Charts are drawn in parallel: each is its own Plot.
/// </summary>
public static class ChartPack
{
    public static readonly ChartSize[] Sizes = [ChartSize.Slide, ChartSize.Square];

    /// <param name="folder">where the files go</param>
    /// <param name="relative">the folder's path relative to the output folder (e.g. "charts"), used in the records</param>
    public static IReadOnlyList<WrittenChart> Write(string folder, string relative, IReadOnlyList<ChartDraft> drafts)
    {
        Directory.CreateDirectory(folder);
        var jobs = drafts.SelectMany(d => Sizes.Select(s => (Draft: d, Size: s))).ToArray();
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, job =>
        {
            var plot = job.Draft.Draw(job.Size);
            var square = job.Size == ChartSize.Square;
            if (square) plot.Title(ChartStyle.WrapTitle(SquareTitle(job.Draft), job.Size, maxLines: 2), ChartStyle.TitleFontSize(job.Size));
            ChartStyle.AddCaption(plot, job.Size, square ? SquareCaption(job.Draft) : job.Draft.Caption, square ? 2 : int.MaxValue);
            ChartStyle.Save(plot, job.Size, Path.Combine(folder, FileStem(job.Draft.Stem, job.Size)));
        });
        foreach (var d in drafts)
        {
            d.Data.Write(Path.Combine(folder, d.Stem + ".csv"));
            File.WriteAllText(Path.Combine(folder, d.Stem + ".txt"), d.AltText + "\n", new System.Text.UTF8Encoding(false));
        }
        return drafts.Select(d => new WrittenChart(d.Stem, d.Title,
                Sizes.SelectMany(s => new[] { "png", "svg" }.Select(f =>
                    new ChartImage($"{relative}/{FileStem(d.Stem, s)}.{f}", f, s.Name, s.Width, s.Height))).ToArray(),
                $"{relative}/{d.Stem}.csv", d.Story) { AltText = d.ShortAlt, AltTextFile = $"{relative}/{d.Stem}.txt" })
            .ToArray();
    }

    /// <summary>The square chart's title: the draft's short title, or its title up to the first clause that fits in two lines.</summary>
    public static string SquareTitle(ChartDraft d)
    {
        var title = d.ShortTitle ?? d.Title;
        var fit = ChartStyle.TitleCharsPerLine(ChartSize.Square) * 2 - 6;
        if (title.Length <= fit) return title;
        foreach (var sep in new[] { "; ", ": ", " (", ", " })
        {
            var cut = title.LastIndexOf(sep, Math.Min(fit, title.Length - 1), StringComparison.Ordinal);
            if (cut > 20) return title[..cut];
        }
        return title[..fit].TrimEnd() + "…";
    }

    /// <summary>The square chart's caption: two lines at most; the full caption is in the alt text.</summary>
    public static string SquareCaption(ChartDraft d) =>
        d.ShortCaption ?? $"{FirstSentence(d.Caption)} Full caption, sources and numbers: {d.Stem}.txt and report.md.";

    private static string FirstSentence(string caption)
    {
        var end = caption.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? caption : caption[..(end + 1)];
    }

    public static string FileStem(string stem, ChartSize size) => size == ChartSize.Slide ? stem : $"{stem}-{size.Name}";
}
