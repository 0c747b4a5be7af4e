namespace PlaceSimulation.Reports.Tests;

/// <summary>Reading what the chart pack wrote: image sizes from the files themselves.</summary>
public static class ChartFiles
{
    /// <summary>Width and height from a PNG's IHDR chunk: bytes 16-23, big-endian.</summary>
    public static (int Width, int Height) PngSize(string path)
    {
        var b = File.ReadAllBytes(path);
        Assert.True(b.Length > 24 && b[1] == (byte)'P' && b[2] == (byte)'N' && b[3] == (byte)'G', $"{path} is not a PNG");
        return ((b[16] << 24) | (b[17] << 16) | (b[18] << 8) | b[19], (b[20] << 24) | (b[21] << 16) | (b[22] << 8) | b[23]);
    }

    /// <summary>Width and height from an SVG's root element attributes.</summary>
    public static (int Width, int Height) SvgSize(string path)
    {
        var root = System.Xml.Linq.XDocument.Load(path).Root!;
        static int Number(string? v) => (int)double.Parse(new string((v ?? "0").TakeWhile(c => char.IsDigit(c) || c == '.').ToArray()), System.Globalization.CultureInfo.InvariantCulture);
        return (Number(root.Attribute("width")?.Value), Number(root.Attribute("height")?.Value));
    }
}

/// <summary>A folder under the temp directory, deleted at the end of the test.</summary>
public sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "placesim-reports-" + Guid.NewGuid().ToString("N"));

    public ScratchFolder() => Directory.CreateDirectory(Path);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
