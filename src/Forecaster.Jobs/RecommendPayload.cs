using System.Text.Json;
using Forecaster.Jobs.Ledger;
using Forecaster.Publish.Brief;

namespace Forecaster.Jobs;

/// <summary>The JSON shape of a recorded recommendation (served by /api/recommendations, read back by publishing).</summary>
public sealed record RecommendPayload
{
    /// <summary>The market.</summary>
    public required string Market { get; init; }

    /// <summary>The as-of hour.</summary>
    public DateTimeOffset AsOf { get; init; }

    /// <summary>What made the recommendation.</summary>
    public required string Recommender { get; init; }

    /// <summary>Risk appetite profile used.</summary>
    public required string Appetite { get; init; }

    /// <summary>True when a change is proposed.</summary>
    public bool NeedsAction { get; init; }

    /// <summary>The 24 h shortfall probability the recommendation weighed; null when the market could not be assessed.</summary>
    public double? ShortfallProbability24h { get; init; }

    /// <summary>Number of proposed changes.</summary>
    public int Changes { get; init; }

    /// <summary>The proposal's Markdown, relative to the reports folder (served under /reports), or null.</summary>
    public string? Proposal { get; init; }

    /// <summary>The brief's action lines for this market, links relative to the brief's folder.</summary>
    public IReadOnlyList<RecommendedAction> Actions { get; init; } = [];

    /// <summary>Why the market could not be assessed, or null.</summary>
    public string? Problem { get; init; }

    /// <summary>Reads a recommend record's payload.</summary>
    /// <exception cref="ForecasterException">The payload is not a recommendation.</exception>
    public static RecommendPayload Read(StageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            return JsonSerializer.Deserialize<RecommendPayload>(record.Payload, ForecastPayload.Json)
                   ?? throw new ForecasterException($"The recommend record of {record.Key} at {record.AsOf:yyyy-MM-dd HH:mm} UTC is empty.");
        }
        catch (JsonException e)
        {
            throw new ForecasterException($"The recommend record of {record.Key} at {record.AsOf:yyyy-MM-dd HH:mm} UTC is not a recommendation: {e.Message}", e);
        }
    }
}
