using System.Text.Json;
using Forecaster.Recommend;

namespace Forecaster.Pipeline;

/// <summary>
/// The parameter history kept as <c>parameter-history.json</c> in the proposals' output folder. A file beside the
/// proposals rather than a store table: a proposal is a recommendation, not an observation of the market, so the store
/// keeps holding only what was observed; the record travels with the proposals it describes, can be read and corrected by
/// hand, and a what-if run into another folder starts from a clean history.
/// </summary>
public static class ParameterHistoryFile
{
    /// <summary>File name inside the output folder.</summary>
    public const string FileName = "parameter-history.json";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Reads the history; an absent file is an empty history.</summary>
    /// <exception cref="ForecasterException">The file exists but is not a valid history; the message names it.</exception>
    public static ParameterHistory Load(string path)
    {
        if (!File.Exists(path)) return ParameterHistory.Empty;
        try
        {
            var records = JsonSerializer.Deserialize<List<ParameterRecord>>(File.ReadAllText(path), Options)
                ?? throw new ForecasterException($"Parameter history {path} is empty (expected a JSON list of records).");
            var bad = records.FindIndex(r => string.IsNullOrWhiteSpace(r?.Market) || string.IsNullOrWhiteSpace(r.Parameter) || !double.IsFinite(r.Value));
            if (bad >= 0) throw new ForecasterException($"Parameter history {path}: record {bad + 1} lacks a market, a parameter or a finite value.");
            return new ParameterHistory(records);
        }
        catch (JsonException e)
        {
            throw new ForecasterException($"Parameter history {path} is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Writes the history whole (to a temporary file first, so a failed write leaves the old one intact).</summary>
    public static void Save(string path, ParameterHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(history.Records, Options));
        File.Move(temporary, path, overwrite: true);
    }
}
