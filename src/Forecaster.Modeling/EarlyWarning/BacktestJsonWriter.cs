using System.Text.Json;
using Forecaster.EarlyWarning;

namespace Forecaster.Modeling.EarlyWarning;

/// <summary>
/// Writes a <see cref="BacktestResult"/> as JSON with exactly the keys: <c>summary</c>,
/// <c>baselines.thresholdRule</c>, <c>forecast</c> and <c>markets</c>. Undefined measures (NaN) are written as null.
/// </summary>
public static class BacktestJsonWriter
{
    /// <summary>Writes the JSON to a file, replacing it atomically (a crash never leaves half a file).</summary>
    public static void Write(BacktestResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        using (var stream = File.Create(temporary)) Write(result, stream);
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Writes the JSON to a stream.</summary>
    public static void Write(BacktestResult result, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WritePropertyName("summary");
        WriteSummary(json, result.Model.Summary);
        json.WriteStartObject("baselines");
        json.WritePropertyName("thresholdRule");
        WriteSummary(json, result.ThresholdRule.Summary);
        json.WriteEndObject();
        json.WriteStartObject("forecast");
        Number(json, "mase24h", result.Mase24h);
        Number(json, "coverage90", result.Coverage90);
        json.WriteEndObject();
        json.WriteStartArray("markets");
        foreach (var market in result.Model.Markets)
        {
            json.WriteStartObject();
            json.WriteString("name", market.Name);
            json.WriteStartArray("episodes");
            foreach (var e in market.Episodes)
            {
                json.WriteStartObject();
                json.WriteString("start", e.Start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"));
                json.WriteBoolean("detected", e.Detected);
                if (e.LeadHours is { } lead) json.WriteNumber("leadHours", lead);
                else json.WriteNull("leadHours");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WritePropertyName("summary");
            WriteSummary(json, market.Summary);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter json, WarningSummary s)
    {
        json.WriteStartObject();
        json.WriteNumber("episodes", s.Episodes);
        json.WriteNumber("detected", s.Detected);
        Number(json, "recall", s.Recall);
        Number(json, "medianLeadHours", s.MedianLeadHours);
        Number(json, "alertShare", s.AlertShare);
        Number(json, "precision24h", s.Precision24h);
        Number(json, "aucPr", s.AucPr);
        Number(json, "brierSkill", s.BrierSkill);
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, Math.Round(value, 6));
        else json.WriteNull(name);
    }
}
