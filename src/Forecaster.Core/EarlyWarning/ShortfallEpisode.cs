namespace Forecaster.EarlyWarning;

/// <summary>A run of shortfall hours merged when less than the merge gap apart.</summary>
/// <param name="Start">First shortfall hour, UTC.</param>
/// <param name="End">Last shortfall hour, UTC.</param>
/// <param name="ShortfallHours">Number of shortfall hours in the episode.</param>
/// <param name="StartIndex">Position of <paramref name="Start"/> in the market's series.</param>
public readonly record struct ShortfallEpisode(DateTimeOffset Start, DateTimeOffset End, int ShortfallHours, int StartIndex);
