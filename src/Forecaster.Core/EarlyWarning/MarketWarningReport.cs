namespace Forecaster.EarlyWarning;

/// <summary>The evaluation of one market.</summary>
/// <param name="Name">Market name.</param>
/// <param name="Episodes">Each evaluated episode and whether it was detected.</param>
/// <param name="Summary">The market's own summary.</param>
public sealed record MarketWarningReport(string Name, IReadOnlyList<EpisodeOutcome> Episodes, WarningSummary Summary);
