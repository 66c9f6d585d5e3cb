namespace Forecaster.Recommend;

/// <summary>
/// What the treasury optimiser needs to know of one market: its available liquidity and a sample of possible 24 h
/// withdrawal demands in USD (historical or simulated), from which its shortfall probability after a top-up follows.
/// </summary>
/// <param name="Market">Market name.</param>
/// <param name="AvailableUsd">Available liquidity now, USD.</param>
/// <param name="OutflowSampleUsd">Possible 24 h withdrawal demands, USD, ascending.</param>
public sealed record MarketExposure(string Market, double AvailableUsd, IReadOnlyList<double> OutflowSampleUsd)
{
    /// <summary>Probability that demand exceeds available liquidity plus <paramref name="topUpUsd"/>.</summary>
    public double ShortfallProbability(double topUpUsd)
    {
        if (OutflowSampleUsd.Count == 0) return 0;
        var threshold = AvailableUsd + topUpUsd;
        // First index whose demand exceeds the threshold (the sample is ascending).
        int lo = 0, hi = OutflowSampleUsd.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (OutflowSampleUsd[mid] <= threshold) lo = mid + 1;
            else hi = mid;
        }
        return (double)(OutflowSampleUsd.Count - lo) / OutflowSampleUsd.Count;
    }
}
