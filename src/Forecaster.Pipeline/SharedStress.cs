using Forecaster.Recommend;
using Forecaster.Risk.Stress;

namespace Forecaster.Pipeline;

/// <summary>
/// What every market's target at one as-of hour is tested against that only every market's history at once shows: the
/// worst episodes across markets and each market's peer stress (<see cref="PeerStress"/>, read at the market's latest hour
/// at or before the as-of hour, the hour its assessment is of). <c>propose</c> finds it from the history it reads; the
/// service's fan-out finds it once and records it for the per-market jobs, so both size targets from the same numbers.
/// </summary>
/// <param name="Scenarios">The worst episode of each kind over every market.</param>
/// <param name="PeerStress">Each market's peer stress, by market name (markets without an hour by then have none).</param>
public sealed record SharedStress(IReadOnlyList<StressScenario> Scenarios, IReadOnlyDictionary<string, PeerStressReading> PeerStress)
{
    /// <summary>The peer stress of <paramref name="market"/> at <paramref name="at"/>, the hour its assessment is of.</summary>
    /// <exception cref="ForecasterException">None was found for that market at that hour (the store changed since it was found).</exception>
    public PeerStressReading PeerStressOf(string market, DateTimeOffset at)
    {
        if (!PeerStress.TryGetValue(market, out var reading))
            throw new ForecasterException($"No peer stress was found for {market}: the market was not in the store when the shared stress of its hour was found.");
        if (reading.At != at)
            throw new ForecasterException($"The peer stress of {market} was found at {reading.At:yyyy-MM-dd HH:mm} UTC, its assessment is of {at:yyyy-MM-dd HH:mm} UTC: the store changed since it was found.");
        return reading;
    }
}
