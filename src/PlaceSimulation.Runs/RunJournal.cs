using System.Buffers.Binary;
using System.Text.Json;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Runs;

/// <summary>
/// The jobs a run has finished, on disk, so that an interrupted run (the process killed, the
/// machine restarted) can be resumed with the same final bytes. It lives beside the output
/// folder (<c>out/.NAME.journal</c>) while the run goes on: <c>run.json</c> (the run's
/// fingerprint) and one file a finished job, written to a temporary name and renamed, so a
/// job file is whole or absent. The journal is removed once the outputs are written.
/// </summary>
public sealed class RunJournal
{
    private const string RunFile = "run.json";
    private static readonly byte[] Magic = "PSJOB001"u8.ToArray();

    private RunJournal(string folder, string fingerprint)
    {
        Folder = folder;
        Fingerprint = fingerprint;
    }

    public string Folder { get; }
    public string Fingerprint { get; }

    /// <summary>Where the journal of a run writing to <paramref name="outDir"/> lives.</summary>
    public static string FolderFor(string outDir)
    {
        var full = Path.GetFullPath(outDir.TrimEnd('/', Path.DirectorySeparatorChar));
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.journal");
    }

    /// <summary>A new journal for a run, replacing any earlier one for the same folder.</summary>
    public static RunJournal Begin(string outDir, RunSpec spec)
    {
        var folder = FolderFor(outDir);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        var journal = new RunJournal(folder, RunFingerprint.Of(spec));
        var tmp = Path.Combine(folder, RunFile + ".tmp");
        File.WriteAllText(tmp, JsonSerializer.Serialize(new RunRecord(journal.Fingerprint, spec.Name, DateTimeOffset.Now)));
        File.Move(tmp, Path.Combine(folder, RunFile));
        return journal;
    }

    /// <summary>
    /// The journal of an interrupted run writing to <paramref name="outDir"/>, to resume it;
    /// throws <see cref="ResumeException"/> when there is none or it is of another run.
    /// </summary>
    public static RunJournal Resume(string outDir, RunSpec spec)
    {
        var folder = FolderFor(outDir);
        var file = Path.Combine(folder, RunFile);
        if (!File.Exists(file))
            throw new ResumeException($"--resume {outDir}: there is no interrupted run to resume there (no {Path.GetFileName(folder)}/{RunFile} beside it)");
        RunRecord? record;
        try
        {
            record = JsonSerializer.Deserialize<RunRecord>(File.ReadAllText(file));
        }
        catch (JsonException e)
        {
            throw new ResumeException($"--resume {outDir}: {file} cannot be read ({e.Message})");
        }
        var fingerprint = RunFingerprint.Of(spec);
        if (record?.Fingerprint != fingerprint)
            throw new ResumeException($"--resume {outDir}: the interrupted run there was of another scenario or other options (seed, replications, households, months, places or levers); give the same ones, or run without --resume");
        return new RunJournal(folder, fingerprint);
    }

    private string JobFile(PlaceJob job) => Path.Combine(Folder, $"job-a{job.Arm}-r{job.Replication}-p{job.PlaceIndex}.bin");

    /// <summary>The job's recorded months if it finished in the journal's run; null if not (or its file is damaged).</summary>
    public long[]? Read(PlaceJob job)
    {
        var file = JobFile(job);
        if (!File.Exists(file)) return null;
        var bytes = File.ReadAllBytes(file);
        var expected = Magic.Length + 8 + (long)job.Months * Counter.Count * 8;
        if (bytes.LongLength != expected || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)) return null;
        if (BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(Magic.Length)) != job.Months
            || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(Magic.Length + 4)) != Counter.Count) return null;
        var values = new long[(long)job.Months * Counter.Count];
        var body = bytes.AsSpan(Magic.Length + 8);
        for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadInt64LittleEndian(body[(i * 8)..]);
        return values;
    }

    /// <summary>Records a finished job: its file is written whole, flushed to disk, then given its name.</summary>
    public void Write(PlaceJob job, long[] values)
    {
        var bytes = new byte[Magic.Length + 8 + values.LongLength * 8];
        Magic.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(Magic.Length), job.Months);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(Magic.Length + 4), Counter.Count);
        var body = bytes.AsSpan(Magic.Length + 8);
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt64LittleEndian(body[(i * 8)..], values[i]);
        var file = JobFile(job);
        var tmp = file + ".tmp";
        using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        File.Move(tmp, file, overwrite: true);
    }

    /// <summary>Jobs the journal holds.</summary>
    public int JobsKept => CountJobs(Folder);

    /// <summary>Jobs held by the journal of a run writing to <paramref name="outDir"/>, if there is one.</summary>
    public static int JobsKeptFor(string outDir) => CountJobs(FolderFor(outDir));

    private static int CountJobs(string folder) => Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "job-*.bin").Count() : 0;

    /// <summary>Removes the journal (the outputs are written, or nothing worth resuming was kept).</summary>
    public void Complete()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }

    private sealed record RunRecord(string Fingerprint, string Scenario, DateTimeOffset Started);
}

/// <summary>A run cannot be resumed; the message says why, in one sentence.</summary>
public sealed class ResumeException(string message) : Exception(message);
