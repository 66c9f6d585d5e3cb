using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Forecaster.Modeling.Evaluation.Nab;

/// <summary>Prints a NAB evaluation beside the published detectors and writes it as JSON.</summary>
public static class NabReport
{
    /// <summary>Reads NAB's <c>final_results.json</c> (detector → profile → score); empty when the file is absent.</summary>
    /// <param name="path">The results file.</param>
    /// <exception cref="ForecasterException">The file exists but is not in NAB's format.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> LoadPublished(string path)
    {
        if (!File.Exists(path)) return new Dictionary<string, IReadOnlyDictionary<string, double>>();
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.EnumerateObject().ToDictionary(
                d => d.Name,
                d => (IReadOnlyDictionary<string, double>)d.Value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new ForecasterException($"{path} is not NAB's final_results format: {e.Message}", e);
        }
    }

    /// <summary>Writes a table: the evaluated detector and the published ones, sorted by standard score.</summary>
    /// <param name="evaluation">The result.</param>
    /// <param name="published">Published scores (may be empty).</param>
    /// <param name="output">Destination.</param>
    public static void WriteTable(NabEvaluation evaluation, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> published, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(output);
        var profiles = evaluation.Scores.Select(s => s.Profile.Name).ToList();
        var rows = published.Select(p => (Name: p.Key, Values: profiles.Select(n => p.Value.TryGetValue(n, out var v) ? v : double.NaN).ToList(), Ours: false))
            .Append((Name: $"{evaluation.Detector} (this run)", Values: evaluation.Scores.Select(s => s.Normalized).ToList(), Ours: true))
            .OrderByDescending(r => r.Values[0]).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"detector",-28}{string.Concat(profiles.Select(p => $"{p,22}"))}"));
        foreach (var row in rows)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(row.Ours ? "> " : "  ") + row.Name,-28}{string.Concat(row.Values.Select(v => $"{v,22:F1}"))}"));
        foreach (var score in evaluation.Scores)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{score.Profile.Name}: threshold {score.Threshold:G6}, {score.TruePositives} detections in windows, {score.FalsePositives} outside, raw {score.Raw:F2} (null {score.Null:F2}, perfect {score.Perfect:F2})"));
    }

    /// <summary>Writes <c>{"detector":…, "scores":{"standard":…, "reward_low_FP_rate":…, "reward_low_FN_rate":…}, "thresholds":{…}}</c>.</summary>
    /// <param name="evaluation">The result.</param>
    /// <param name="path">Destination file, overwritten.</param>
    public static void WriteJson(NabEvaluation evaluation, string path)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var scores = new JsonObject();
        var thresholds = new JsonObject();
        foreach (var s in evaluation.Scores)
        {
            scores[s.Profile.Name] = s.Normalized;
            thresholds[s.Profile.Name] = s.Threshold;
        }
        var root = new JsonObject { ["detector"] = evaluation.Detector, ["series"] = evaluation.Series, ["scores"] = scores, ["thresholds"] = thresholds };
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
