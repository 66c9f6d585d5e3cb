using Forecaster.Recommend;

namespace Forecaster.Pipeline;

/// <summary>What the replay over real episodes found.</summary>
/// <param name="Appetite">The risk profile replayed.</param>
/// <param name="Episodes">Every episode at every lead, in time order.</param>
/// <param name="Skipped">Episodes without a recommendation, with why (e.g. too little history before them).</param>
public sealed record ReplayResult(RiskAppetite Appetite, IReadOnlyList<ReplayEpisode> Episodes, IReadOnlyList<ReplaySkip> Skipped)
{
    /// <summary>The flat rule the buffers are compared with: hold this share of deposits liquid, every hour.</summary>
    public const double FlatRuleShare = 0.20;

    /// <summary>The buffers recommended at sampled days over the whole history (for the time average).</summary>
    public IReadOnlyList<BufferSample> Samples { get; init; } = [];

    /// <summary>The name of the basis the buffers rest on (<see cref="ReplayBasis"/>).</summary>
    public string Basis { get; init; } = ReplayBasis.Current.Name;

    /// <summary>Under a basis that uses who holds the deposits: the markets whose account-level flows were known.</summary>
    public IReadOnlyList<string> MarketsWithHolders { get; init; } = [];

    /// <summary>Under such a basis: the markets without them, which kept the service's rule.</summary>
    public IReadOnlyList<string> MarketsWithoutHolders { get; init; } = [];

    /// <summary>Interval between the sampled days; zero when the replay sampled no time average.</summary>
    public TimeSpan Sampling { get; init; }

    /// <summary>Share of episodes whose 24 h-ahead buffer covered the outflow (NaN when there are none).</summary>
    public double CoveredShare => Share(24, e => e.Covered);

    /// <summary>Same for the 72 h-ahead buffer.</summary>
    public double CoveredShare72h => Share(72, e => e.Covered);

    /// <summary>Share of the same episodes the flat rule's buffer, 20% of deposits 24 h before, would have covered.</summary>
    public double FlatRuleCoveredShare => Share(24, e => e.FlatRuleCovered);

    /// <summary>Same for 72 h before.</summary>
    public double FlatRuleCoveredShare72h => Share(72, e => e.FlatRuleCovered);

    /// <summary>
    /// Mean 24 h-ahead buffer as a share of deposits, taken only at the episode points (24 h before each crisis, among the
    /// most stressed hours in the data): what the rule asks for when it matters, not what it asks for on average.
    /// </summary>
    public double MeanBufferShareOfDeposits => Episodes.Where(e => e.HoursBefore == 24).Select(e => e.BufferShareOfDeposits).DefaultIfEmpty(double.NaN).Average();

    /// <summary>
    /// Time average of the recommended buffer as a share of deposits: the mean over every sampled market-day of the history
    /// (each from data up to that day only). This is the figure to set beside the flat rule, which demands its 20% every hour.
    /// </summary>
    public double TimeAverageBufferShareOfDeposits => Samples.Select(s => s.ShareOfDeposits).DefaultIfEmpty(double.NaN).Average();

    /// <summary>The same per market.</summary>
    public IReadOnlyDictionary<string, double> TimeAverageBufferShareByMarket =>
        Samples.GroupBy(s => s.Market).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Average(s => s.ShareOfDeposits));

    private double Share(int hours, Func<ReplayEpisode, bool> covered)
    {
        var at = Episodes.Where(e => e.HoursBefore == hours).ToList();
        return at.Count == 0 ? double.NaN : (double)at.Count(covered) / at.Count;
    }
}
