using System.Text.Encodings.Web;
using System.Text.Json;

namespace PlaceSimulation.Reports.Files;

/// <summary>Writes JSON documents the same way everywhere: indented, UTF-8, numbers rounded, NaN as null.</summary>
public static class JsonFiles
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(string path, Action<Utf8JsonWriter> body)
    {
        using var stream = File.Create(path);
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            body(w);
        }
        stream.WriteByte((byte)'\n');
    }

    public static void Number(this Utf8JsonWriter w, string name, double v)
    {
        if (double.IsNaN(v) || double.IsInfinity(v)) w.WriteNull(name);
        else w.WriteNumber(name, Formats.Round(v));
    }
}
