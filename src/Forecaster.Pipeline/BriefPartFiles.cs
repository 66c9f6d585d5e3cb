using System.Text.Json;
using System.Text.Json.Serialization;

namespace Forecaster.Pipeline;

/// <summary>
/// Stores brief parts beside the brief, as <c>&lt;brief folder&gt;/parts/&lt;market&gt;.json</c>: one file per market and
/// day, so a rerun overwrites rather than duplicates, and any worker sharing the reports folder can assemble the brief.
/// </summary>
public static class BriefPartFiles
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // Rates are NaN when unknown; the round trip must keep them, and enums stay readable.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    /// <summary>The part file of a market in a brief folder.</summary>
    public static string PathOf(string briefDirectory, string market) => Path.Combine(briefDirectory, "parts", market + ".json");

    /// <summary>Writes the part; a temporary file renamed into place, so a reader never sees half a part.</summary>
    public static async Task WriteAsync(string briefDirectory, MarketBriefPart part, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(part);
        var path = PathOf(briefDirectory, part.Entry.Market.Name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(part, Json), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The market's part for exactly <paramref name="asOf"/>, or null when there is none (or only one for another hour of the day).</summary>
    /// <exception cref="ForecasterException">The file exists but cannot be read as a part.</exception>
    public static async Task<MarketBriefPart?> ReadAsync(string briefDirectory, string market, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        var path = PathOf(briefDirectory, market);
        if (!File.Exists(path)) return null;
        MarketBriefPart? part;
        try
        {
            part = JsonSerializer.Deserialize<MarketBriefPart>(await File.ReadAllTextAsync(path, cancellationToken), Json);
        }
        catch (JsonException e)
        {
            throw new ForecasterException($"Brief part {path} is not readable: {e.Message}", e);
        }
        if (part?.Entry?.Market is null)
            throw new ForecasterException($"Brief part {path} is empty or has no market.");
        if (part.Entry.Market.Name != market)
            throw new ForecasterException($"Brief part {path} holds market '{part.Entry.Market.Name}', not '{market}'.");
        return part.AsOf == asOf ? part : null;
    }
}
