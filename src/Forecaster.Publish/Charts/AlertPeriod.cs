namespace Forecaster.Publish.Charts;

/// <summary>A span of time during which a market was on alert (amber or red), drawn as a shaded band.</summary>
/// <param name="From">First instant of the alert (UTC).</param>
/// <param name="To">End of the alert (UTC), after <paramref name="From"/>.</param>
/// <param name="Red">True when the alert reached red; false for amber.</param>
public readonly record struct AlertPeriod(DateTimeOffset From, DateTimeOffset To, bool Red);
