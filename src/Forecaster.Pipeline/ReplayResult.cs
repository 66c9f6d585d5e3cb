using Forecaster.Recommend;

namespace Forecaster.Pipeline;

/// <summary>What the replay over real episodes found.</summary>
/// <param name="Appetite">The risk profile replayed.</param>
/// <param name="Episodes">Every episode at every lead, in time order.</param>
/// <param name="Skipped">Episodes without a recommendation, with why (e.g. too little history before them).</param>
public sealed record ReplayResult(RiskAppetite Appetite, IReadOnlyList<ReplayEpisode> Episodes, IReadOnlyList<string> Skipped)
{
    /// <summary>The flat rule the buffers are compared with: hold this share of deposits liquid.</summary>
    public const double FlatRuleShare = 0.20;

    /// <summary>Share of episodes whose 24 h-ahead buffer covered the outflow (NaN when there are none).</summary>
    public double CoveredShare => Share(24);

    /// <summary>Same for the 72 h-ahead buffer.</summary>
    public double CoveredShare72h => Share(72);

    /// <summary>Mean 24 h-ahead buffer as a share of deposits.</summary>
    public double MeanBufferShareOfDeposits => Episodes.Where(e => e.HoursBefore == 24).Select(e => e.BufferShareOfDeposits).DefaultIfEmpty(double.NaN).Average();

    private double Share(int hours)
    {
        var at = Episodes.Where(e => e.HoursBefore == hours).ToList();
        return at.Count == 0 ? double.NaN : (double)at.Count(e => e.Covered) / at.Count;
    }
}
