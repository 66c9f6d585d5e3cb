using Forecaster.Publish.Brief;
using Forecaster.Publish.Inputs;

namespace Forecaster.Pipeline;

/// <summary>
/// One market's ready share of the brief at one as-of hour: its entry (assessment or why none, charts already drawn
/// beside the brief, notes) and its past shortfall probabilities for the cross-market heat map. Made by
/// <see cref="BriefService.CreatePartAsync"/>, so a brief assembled from parts equals one computed in one go.
/// </summary>
/// <param name="AsOf">The as-of hour the part is for.</param>
/// <param name="Entry">The market's entry in the brief.</param>
/// <param name="History">Its daily shortfall probabilities (empty when it could not be assessed over time).</param>
public sealed record MarketBriefPart(DateTimeOffset AsOf, MarketBriefEntry Entry, IReadOnlyList<ProbabilityPoint> History);
