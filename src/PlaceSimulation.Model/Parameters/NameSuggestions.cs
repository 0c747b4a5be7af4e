namespace PlaceSimulation.Model.Parameters;

/// <summary>"Did you mean …?": the known names closest to a misspelt one (Levenshtein distance).</summary>
public static class NameSuggestions
{
    /// <summary>Known names within a third of the name's length (at least 2 edits), nearest first.</summary>
    public static IEnumerable<string> Nearest(string name, IEnumerable<string> known, int max = 1) =>
        known.Select(k => (k, d: Distance(name, k)))
             .Where(x => x.d <= Math.Max(2, name.Length / 3))
             .OrderBy(x => x.d).ThenBy(x => x.k, StringComparer.Ordinal)
             .Take(max).Select(x => x.k);

    public static int Distance(string a, string b)
    {
        var d = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) d[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = d[0];
            d[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = d[j];
                d[j] = Math.Min(Math.Min(d[j] + 1, d[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return d[b.Length];
    }
}
