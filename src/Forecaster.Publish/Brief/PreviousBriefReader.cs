using System.Globalization;
using System.Text.Json;
using Forecaster.Risk;

namespace Forecaster.Publish.Brief;

/// <summary>Finds and reads the brief before a given one: the latest dated folder (yyyy-MM-dd) earlier than it that holds a brief.json.</summary>
public static class PreviousBriefReader
{
    /// <summary>The brief.json of the latest dated folder under <paramref name="outputDirectory"/> before <paramref name="date"/>, or null.</summary>
    public static string? FindBefore(string outputDirectory, DateOnly date)
    {
        if (!Directory.Exists(outputDirectory)) return null;
        return Directory.EnumerateDirectories(outputDirectory)
            .Select(d => (Path: d, Ok: DateOnly.TryParseExact(Path.GetFileName(d), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day), Day: day))
            .Where(d => d.Ok && d.Day < date && File.Exists(System.IO.Path.Combine(d.Path, "brief.json")))
            .OrderByDescending(d => d.Day)
            .Select(d => System.IO.Path.Combine(d.Path, "brief.json"))
            .FirstOrDefault();
    }

    /// <summary>Reads a brief.json written by <see cref="BriefJsonWriter"/>.</summary>
    /// <exception cref="ForecasterException">The file is not valid JSON or lacks the as-of time or the market list; the message names the file.</exception>
    public static PreviousBrief Read(string jsonPath)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(jsonPath));
            var root = doc.RootElement;
            if (!root.TryGetProperty("asOf", out var asOfElement) || !asOfElement.TryGetDateTimeOffset(out var asOf))
                throw new ForecasterException($"{jsonPath}: no valid 'asOf' time; is it a Forecaster brief.json?");
            if (!root.TryGetProperty("markets", out var markets) || markets.ValueKind != JsonValueKind.Array)
                throw new ForecasterException($"{jsonPath}: no 'markets' array; is it a Forecaster brief.json?");
            var states = new Dictionary<string, PreviousMarketState>(StringComparer.Ordinal);
            var index = 0;
            foreach (var m in markets.EnumerateArray())
            {
                if (!m.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
                    throw new ForecasterException($"{jsonPath}: market {index} has no 'name'.");
                states[name.GetString()!] = new PreviousMarketState(Status(m), Number(m, "shortfallProbability24h"),
                    m.TryGetProperty("current", out var current) ? Number(current, "utilization") : null);
                index++;
            }
            return new PreviousBrief(asOf, jsonPath, states);
        }
        catch (JsonException e)
        {
            throw new ForecasterException($"{jsonPath}: not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }
    }

    private static MarketStatus? Status(JsonElement market) =>
        market.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String && Enum.TryParse<MarketStatus>(s.GetString(), ignoreCase: true, out var status)
            ? status : null;

    private static double? Number(JsonElement element, string property) =>
        element.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
