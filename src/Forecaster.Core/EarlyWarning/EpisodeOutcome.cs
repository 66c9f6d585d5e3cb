namespace Forecaster.EarlyWarning;

/// <summary>Whether one episode was warned of, and how early.</summary>
/// <param name="Start">First shortfall hour of the episode, UTC.</param>
/// <param name="Detected">True when an alert was on in [start − 72 h, start − 1 h].</param>
/// <param name="LeadHours">Hours from the first such alert to the start; null when not detected.</param>
public readonly record struct EpisodeOutcome(DateTimeOffset Start, bool Detected, int? LeadHours);
