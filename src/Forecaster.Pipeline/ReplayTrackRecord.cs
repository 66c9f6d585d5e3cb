using Forecaster.Publish.Proposals;
using Forecaster.Recommend;

namespace Forecaster.Pipeline;

/// <summary>The track record proposals show: the replay up to their as-of hour (<see cref="ReplayService.RunUpToAsync(IMarketStore, RiskAppetite, DateTimeOffset, CancellationToken)"/>), as a <see cref="TrackRecord"/>.</summary>
public static class ReplayTrackRecord
{
    /// <summary>Replays the store's episodes that started at or before <paramref name="asOf"/> under <paramref name="appetite"/>, from data up to it only.</summary>
    /// <param name="store">The store.</param>
    /// <param name="appetite">The proposals' risk profile.</param>
    /// <param name="asOf">The proposals' as-of hour: the last hour read.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<TrackRecord> FindAsync(IMarketStore store, RiskAppetite appetite, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return await FindAsync(await HistoriesUpTo.ReadAsync(store, asOf, cancellationToken), appetite, cancellationToken);
    }

    /// <summary>The same from histories already read up to the proposals' as-of hour (<see cref="HistoriesUpTo.UpTo"/>).</summary>
    public static async Task<TrackRecord> FindAsync(HistoriesUpTo histories, RiskAppetite appetite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        return From(await ReplayService.RunUpToAsync(histories, appetite, cancellationToken), histories.Markets.Select(m => m.Market.Name).ToList(), histories.UpTo);
    }

    /// <summary>A replay's episodes and skips as a track record of <paramref name="markets"/> up to <paramref name="asOf"/>.</summary>
    public static TrackRecord From(ReplayResult replay, IReadOnlyList<string> markets, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(replay);
        return new TrackRecord(asOf, replay.Appetite, markets, ReplayResult.FlatRuleShare,
            replay.Episodes.Select(e => new TrackRecordEpisode(e.Market, e.Start, e.HoursBefore, e.DepositsUsd, e.RecommendedBufferUsd, e.RealizedOutflowUsd, e.Covered, e.FlatRuleCovered)).ToList(),
            replay.Skipped.Select(s => new TrackRecordSkip(s.Market, s.Start, s.HoursBefore, s.Reason)).ToList());
    }
}
