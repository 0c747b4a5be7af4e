using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace PlaceSimulation.Reports.Report;

/// <summary>
/// briefing.pdf: the briefing on one A4 page (PDFsharp, MIT). Fonts are DejaVu Sans, which
/// Debian and most Linux systems ship; where it cannot be found no PDF is written (the
/// briefing is still in briefing.md), so a missing font never fails a run.
/// </summary>
public static class BriefingPdf
{
    private static readonly string[] FontFolders = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF", "/Library/Fonts", "C:\\Windows\\Fonts"];
    private static readonly object Gate = new();
    private static bool? _ready;

    /// <summary>Writes the PDF; false (and nothing written) when the font is not on this machine.</summary>
    public static bool TryWrite(string path, Briefing b, string folder)
    {
        if (!FontsReady()) return false;
        var temp = path + ".partial";
        using (var doc = new PdfDocument())
        {
            doc.Info.Title = b.Title;
            doc.Info.Creator = "PlaceSimulation";
            var page = doc.AddPage();
            page.Width = XUnit.FromMillimeter(210);
            page.Height = XUnit.FromMillimeter(297);
            using var g = XGraphics.FromPdfPage(page);
            var left = 48.0;
            var width = page.Width.Point - 2 * left;
            var y = 44.0;
            var title = new XFont(Family, 17, XFontStyleEx.Bold);
            var bold = new XFont(Family, 10, XFontStyleEx.Bold);
            var body = new XFont(Family, 9.5, XFontStyleEx.Regular);
            var small = new XFont(Family, 7.5, XFontStyleEx.Regular);
            var grey = new XSolidBrush(XColor.FromArgb(0x44, 0x44, 0x44));

            y = Text(g, b.Title, title, XBrushes.Black, left, y, width);
            y = Text(g, b.Subtitle, small, grey, left, y + 2, width);
            y = Text(g, "The finding", bold, XBrushes.Black, left, y + 8, width);
            y = Text(g, b.Finding, body, XBrushes.Black, left, y + 1, width);
            y = Text(g, "Three numbers", bold, XBrushes.Black, left, y + 8, width);
            foreach (var n in b.Numbers) y = Text(g, "• " + n, body, XBrushes.Black, left + 6, y + 2, width - 6);

            var png = Path.Combine(folder, b.Chart.Image("slide", "png").File);
            if (File.Exists(png))
            {
                using var image = XImage.FromFile(png);
                var h = width * image.PixelHeight / image.PixelWidth;
                g.DrawImage(image, left, y + 8, width, h);
                y += 8 + h;
            }
            y = Text(g, "What it assumes", bold, XBrushes.Black, left, y + 8, width);
            foreach (var a in b.Assumptions) y = Text(g, "• " + a, body, XBrushes.Black, left + 6, y + 2, width - 6);
            y = Text(g, "Reproduce (the same seed gives the same numbers)", bold, XBrushes.Black, left, y + 8, width);
            Text(g, b.Reproduce, small, grey, left, y + 2, width);
            doc.Save(temp);
        }
        File.Move(temp, path, overwrite: true);
        return true;
    }

    private const string Family = "DejaVu Sans";

    /// <summary>Draws text wrapped to the width from the top at y; returns the y below it.</summary>
    private static double Text(XGraphics g, string text, XFont font, XBrush brush, double x, double y, double width)
    {
        var lineHeight = font.GetHeight() * 1.15;
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && g.MeasureString(candidate, font).Width > width)
            {
                g.DrawString(line, font, brush, new XPoint(x, y + font.GetHeight()));
                y += lineHeight;
                line = word;
            }
            else line = candidate;
        }
        if (line.Length > 0)
        {
            g.DrawString(line, font, brush, new XPoint(x, y + font.GetHeight()));
            y += lineHeight;
        }
        return y;
    }

    private static bool FontsReady()
    {
        lock (Gate)
        {
            if (_ready is { } r) return r;
            var regular = Find("DejaVuSans.ttf");
            var boldFile = Find("DejaVuSans-Bold.ttf");
            if (regular is null || boldFile is null) return (_ready = false).Value;
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = new DejaVuResolver(regular, boldFile);
            return (_ready = GlobalFontSettings.FontResolver is DejaVuResolver).Value;
        }
    }

    private static string? Find(string file) => FontFolders.Select(f => Path.Combine(f, file)).FirstOrDefault(File.Exists);

    /// <summary>Every family resolves to DejaVu Sans, regular or bold.</summary>
    private sealed class DejaVuResolver(string regular, string bold) : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
            new(isBold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[]? GetFont(string faceName) => File.ReadAllBytes(faceName == "DejaVuSans-Bold" ? bold : regular);
    }
}
