namespace Forecaster.Publish.Brief;

/// <summary>The previous brief, as read back from its brief.json.</summary>
/// <param name="AsOf">Its as-of hour.</param>
/// <param name="JsonPath">The file it was read from.</param>
/// <param name="Markets">Its markets by name.</param>
public sealed record PreviousBrief(DateTimeOffset AsOf, string JsonPath, IReadOnlyDictionary<string, PreviousMarketState> Markets);
