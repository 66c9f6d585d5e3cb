using System.Globalization;
using System.Text.Json;

namespace Forecaster.Modeling.Evaluation.Nab;

/// <summary>Reads the NAB corpus: <c>data/**/*.csv</c> (timestamp,value) and <c>labels/combined_windows.json</c>.</summary>
public static class NabCorpus
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss.ffffff";

    /// <summary>Loads every series with its windows, ordered by name.</summary>
    /// <param name="nabDirectory">The NAB root (holding data/ and labels/).</param>
    /// <exception cref="ForecasterException">A folder or file is missing, or a row or label cannot be parsed (the message names file and line).</exception>
    public static IReadOnlyList<NabDataSet> Load(string nabDirectory)
    {
        var dataDirectory = Path.Combine(nabDirectory, "data");
        var labelsPath = Path.Combine(nabDirectory, "labels", "combined_windows.json");
        if (!Directory.Exists(dataDirectory)) throw new ForecasterException($"NAB data folder not found: {dataDirectory} (--nab-dir must hold data/ and labels/).");
        if (!File.Exists(labelsPath)) throw new ForecasterException($"NAB labels not found: {labelsPath}.");
        var windows = LoadWindows(labelsPath);
        var sets = new List<NabDataSet>();
        foreach (var file in Directory.EnumerateFiles(dataDirectory, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(dataDirectory, file).Replace('\\', '/');
            if (!windows.TryGetValue(name, out var limits)) throw new ForecasterException($"NAB series {name} has no entry in {labelsPath}.");
            var (timestamps, values) = ReadSeries(file);
            sets.Add(new NabDataSet(name, timestamps, values, limits.Select(l => ToWindow(l, timestamps, name)).ToList()));
        }
        if (sets.Count == 0) throw new ForecasterException($"No NAB series (*.csv) under {dataDirectory}.");
        return sets;
    }

    private static Dictionary<string, List<(DateTime Start, DateTime End)>> LoadWindows(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.EnumerateObject().ToDictionary(
                p => p.Name,
                p => p.Value.EnumerateArray().Select(w => (Parse(w[0].GetString()!), Parse(w[1].GetString()!))).ToList());
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new ForecasterException($"NAB labels {path} cannot be read: {e.Message}", e);
        }
    }

    private static NabWindow ToWindow((DateTime Start, DateTime End) limits, DateTime[] timestamps, string name)
    {
        var start = Array.FindIndex(timestamps, t => t >= limits.Start);
        var end = Array.FindLastIndex(timestamps, t => t <= limits.End);
        if (start < 0 || end < start) throw new ForecasterException($"NAB window {limits.Start:s}..{limits.End:s} of {name} holds no rows.");
        return new NabWindow(start, end);
    }

    private static (DateTime[] Timestamps, double[] Values) ReadSeries(string file)
    {
        var timestamps = new List<DateTime>();
        var values = new List<double>();
        var line = 0;
        foreach (var text in File.ReadLines(file))
        {
            line++;
            if (line == 1) continue;
            if (text.Length == 0) continue;
            var comma = text.IndexOf(',');
            if (comma < 0 || !DateTime.TryParse(text.AsSpan(0, comma), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
                || !double.TryParse(text.AsSpan(comma + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new ForecasterException($"{file}:{line}: expected 'timestamp,value', got '{text}'.");
            timestamps.Add(time);
            values.Add(value);
        }
        return (timestamps.ToArray(), values.ToArray());
    }

    private static DateTime Parse(string text) =>
        DateTime.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
