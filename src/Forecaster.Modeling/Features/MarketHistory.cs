using Forecaster.Markets;

namespace Forecaster.Modeling.Features;

/// <summary>One market's hourly history, the input of feature building, labelling and backtests.</summary>
/// <param name="Name">Market name.</param>
/// <param name="Hours">Hours in strictly ascending time order.</param>
public sealed record MarketHistory(string Name, IReadOnlyList<MarketHour> Hours);
