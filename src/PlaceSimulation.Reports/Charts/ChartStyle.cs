using ScottPlot;

namespace PlaceSimulation.Reports.Charts;

/// <summary>A chart size with a name (slides, social posts).</summary>
public readonly record struct ChartSize(string Name, int Width, int Height)
{
    public static readonly ChartSize Slide = new("slide", 1600, 900);
    public static readonly ChartSize Square = new("square", 1080, 1080);
}

/// <summary>
/// The look shared by every chart: the Okabe-Ito colour-blind-safe palette (Okabe and Ito
/// 2008), one colour per arm kept across charts, large readable type, and a caption panel.
/// </summary>
public static class ChartStyle
{
    /// <summary>Okabe-Ito: blue, orange, bluish green, vermillion, reddish purple, sky blue, yellow, black.</summary>
    public static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#D55E00"),
        Color.FromHex("#CC79A7"), Color.FromHex("#56B4E9"), Color.FromHex("#F0E442"), Color.FromHex("#000000"),
    ];

    public static Color ArmColour(int arm) => Palette[arm % Palette.Length];

    /// <summary>DejaVu Sans ships with Debian and most Linux systems; ScottPlot falls back to its default sans font elsewhere.</summary>
    public const string FontName = "DejaVu Sans";

    /// <summary>Month ticks on the bottom axis: plotted x is the month index; labels read "Apr 2025", at most about ten of them.</summary>
    public static void MonthTicks(Plot plot, PlaceSimulation.Model.Calendar.YearMonth start, int months, ChartSize size)
    {
        var narrow = size.Width < 1600;
        var step = months <= 12 ? (narrow ? 2 : 1) : months <= 24 ? 3 : months <= 60 ? (narrow && months > 36 ? 12 : 6) : months <= 120 ? 12 : 24;
        var positions = new List<double>();
        var labels = new List<string>();
        for (var m = 0; m < months; m++)
        {
            var ym = start.AddMonths(m);
            var aligned = step >= 12 ? ym.Month == start.Month : m % step == 0;
            if (!aligned) continue;
            positions.Add(m);
            labels.Add(new DateTime(ym.Year, ym.Month, 1).ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        }
        plot.Axes.Bottom.SetTicks(positions.ToArray(), labels.ToArray());
        plot.Axes.SetLimitsX(-0.5, months - 0.5);
    }

    /// <summary>
    /// Lever changes on a time chart: a thin grey line at each month; the first change of each
    /// policy labelled at the foot of the data (y = <paramref name="bottom"/>), unless it would
    /// run into the previous label.
    /// </summary>
    public static void LeverMarks(Plot plot, IReadOnlyList<LeverMark> levers, ChartSize size, int months, double bottom)
    {
        var minGap = months / (size.Width >= 1600 ? 7.0 : 4.5);
        double[] lastOnRow = [double.NegativeInfinity, double.NegativeInfinity];
        var labelled = new HashSet<string>();
        var fontSize = size.Width >= 1600 ? 15 : 14;
        foreach (var mark in levers)
        {
            var line = plot.Add.VerticalLine(mark.Month - 0.5, 1.5f, Color.FromHex("#6E6E6E"), LinePattern.Solid);
            line.ExcludeFromLegend = true;
            // Only a policy's first change is labelled; a label too close to the one before goes on a second row.
            if (!labelled.Add(mark.Label)) continue;
            var row = Array.FindIndex(lastOnRow, last => mark.Month - last >= minGap);
            if (row < 0) continue;
            lastOnRow[row] = mark.Month;
            var max = size.Width >= 1600 ? 28 : 22;
            var text = plot.Add.Text(mark.Label.Length <= max ? mark.Label : mark.Label[..(max - 1)].TrimEnd(' ', ',') + "…", mark.Month - 0.5, bottom);
            text.LabelFontSize = fontSize;
            text.LabelFontColor = Color.FromHex("#333333");
            text.LabelAlignment = Alignment.LowerLeft;
            text.OffsetX = 4;
            text.OffsetY = -4 - row * fontSize * 1.4f;
        }
    }

    public static Plot NewPlot(ChartSize size, string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        var titleSize = TitleFontSize(size);
        plot.Title(WrapTitle(title, size), titleSize);
        plot.XLabel(xLabel, size.Width >= 1600 ? 20 : 18);
        plot.YLabel(yLabel, size.Width >= 1600 ? 20 : 18);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 17;
        plot.Axes.Left.TickLabelStyle.FontSize = 17;
        plot.Legend.FontSize = 18;
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Grid.MajorLineColor = Color.FromHex("#E5E5E5");
        return plot;
    }

    /// <summary>The legend in a row under the data, so it never hides a line or a bar.</summary>
    public static void Legend(Plot plot, ChartSize size)
    {
        var panel = plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontSize = size.Width >= 1600 ? 18 : 17;
        plot.Legend.OutlineWidth = 0;
        plot.Legend.ShadowColor = Colors.Transparent;
    }

    /// <summary>A 90% interval drawn as a whisker with caps, from lo to hi through the value at a position.</summary>
    public static void Whisker(Plot plot, double position, double value, double lo, double hi, bool vertical)
    {
        IReadOnlyList<double> none = [0.0];
        IReadOnlyList<double> below = [Math.Max(0, value - lo)];
        IReadOnlyList<double> above = [Math.Max(0, hi - value)];
        var err = vertical
            ? new ScottPlot.Plottables.ErrorBar([position], [value], none, none, above, below)
            : new ScottPlot.Plottables.ErrorBar([value], [position], above, below, none, none);
        err.Color = Color.FromHex("#222222");
        err.LineWidth = 2;
        err.CapSize = 8;
        plot.PlottableList.Add(err);
    }

    public static float TitleFontSize(ChartSize size) => size.Width >= 1600 ? 26 : 23;

    /// <summary>A title broken into lines that fit the figure's width (titles are findings, often long sentences).</summary>
    public static string WrapTitle(string title, ChartSize size, int maxLines = int.MaxValue)
    {
        var lines = CaptionPanel.Wrap(title, TitleCharsPerLine(size)).ToList();
        if (lines.Count > maxLines) lines = [.. lines.Take(maxLines - 1), lines[maxLines - 1].TrimEnd(',', ';', ':') + "…"];
        return string.Join("\n", lines);
    }

    /// <summary>The title is centred over the data area, which a long axis label pushes right: leave room for it.</summary>
    public static int TitleCharsPerLine(ChartSize size) => (int)((size.Width - 300) / (TitleFontSize(size) * 0.56f));

    public static void AddCaption(Plot plot, ChartSize size, string caption, int maxLines = int.MaxValue)
    {
        plot.Axes.AddPanel(new CaptionPanel(caption, size.Width, maxLines));
    }

    public static void Save(Plot plot, ChartSize size, string pathWithoutExtension)
    {
        plot.SavePng(pathWithoutExtension + ".png", size.Width, size.Height);
        plot.SaveSvg(pathWithoutExtension + ".svg", size.Width, size.Height);
    }
}

/// <summary>
/// Text under the chart, across the whole figure: what was simulated, with what assumptions.
/// Wrapped to the figure's width.
/// </summary>
public sealed class CaptionPanel : ScottPlot.Panels.PanelBase
{
    private const float FontSize = 15;
    private const float LineHeight = FontSize * 1.35f;
    private readonly string[] _lines;

    public CaptionPanel(string caption, int figureWidth, int maxLines = int.MaxValue)
    {
        Edge = Edge.Bottom;
        var charsPerLine = Math.Max(40, (int)((figureWidth - 40) / (FontSize * 0.56f)));
        var lines = Wrap(caption, charsPerLine).ToList();
        if (lines.Count > maxLines) lines = [.. lines.Take(maxLines - 1), lines[maxLines - 1] + " …"];
        _lines = lines.ToArray();
    }

    public override float Measure(Paint paint) => 14 + _lines.Length * LineHeight;

    public override void Render(RenderPack rp, float size, float offset)
    {
        var rect = GetPanelRect(rp.DataRect, size, offset, rp.Paint);
        var label = new LabelStyle { FontSize = FontSize, ForeColor = Color.FromHex("#333333"), Alignment = Alignment.UpperLeft, FontName = ChartStyle.FontName };
        var y = rect.Top + 10;
        foreach (var line in _lines)
        {
            label.Render(rp.Canvas, new Pixel(rp.FigureRect.Left + 16, y), rp.Paint, line, false);
            y += LineHeight;
        }
    }

    public static IEnumerable<string> Wrap(string text, int width)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    yield return line;
                    line = word;
                }
                else line = line.Length == 0 ? word : line + " " + word;
            }
            yield return line;
        }
    }
}
