using System.Text.Encodings.Web;
using System.Text.Json;

namespace PlaceSimulation.Reports.Files;

/// <summary>Writes JSON documents the same way everywhere: indented, UTF-8, numbers rounded, NaN as null.</summary>
public static class JsonFiles
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the document to a temporary file beside <paramref name="path"/> and renames it: a file is whole or absent.</summary>
    public static void Write(string path, Action<Utf8JsonWriter> body)
    {
        var tmp = path + ".tmp";
        try
        {
            using (var stream = File.Create(tmp))
            {
                using (var w = new Utf8JsonWriter(stream, Options))
                {
                    body(w);
                }
                stream.WriteByte((byte)'\n');
            }
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    public static void Number(this Utf8JsonWriter w, string name, double v)
    {
        if (double.IsNaN(v) || double.IsInfinity(v)) w.WriteNull(name);
        else w.WriteNumber(name, Formats.Round(v));
    }
}
