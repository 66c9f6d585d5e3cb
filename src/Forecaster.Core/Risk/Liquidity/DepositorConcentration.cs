using Forecaster.Flows;

namespace Forecaster.Risk.Liquidity;

/// <summary>
/// Who holds a market's deposits at one time: how much the largest holders hold and the Herfindahl-Hirschman index. Shares
/// are of the balances the events explain (<see cref="KnownDeposits"/>), which is all deposits when the events start at the
/// market's first deposit; amounts are in the events' units (tokens; USD for the simulator). Built by
/// <see cref="DepositorBalances"/>, whose rules (interest ignored, holder-to-holder aToken transfers applied, deposits burned
/// by repayments and liquidations taken off, withdrawals, burns and transfers beyond a known balance) apply.
/// </summary>
/// <param name="Market">The market.</param>
/// <param name="AsOf">Events stamped before this time are counted, later ones are not.</param>
/// <param name="Holders">Accounts holding a positive balance.</param>
/// <param name="KnownDeposits">Sum of their balances.</param>
/// <param name="Top1">Balance of the largest holder.</param>
/// <param name="Top5">Together, the five largest.</param>
/// <param name="Top10">Together, the ten largest.</param>
/// <param name="Hhi">Sum of the squared shares, in (0, 1] (1: one holder; 1/n: n equal ones); NaN with no holder.</param>
public sealed record DepositorConcentration(string Market, DateTimeOffset AsOf, int Holders, decimal KnownDeposits, decimal Top1, decimal Top5, decimal Top10, double Hhi)
{
    /// <summary>How many of the largest balances <see cref="Largest"/> keeps.</summary>
    public const int LargestKept = 10;

    /// <summary>The largest balances, largest first (at most <see cref="LargestKept"/>).</summary>
    public IReadOnlyList<decimal> Largest { get; init; } = [];

    /// <summary>Withdrawn or burned beyond known balances up to then (see <see cref="DepositorBalances"/>).</summary>
    public decimal UnmatchedWithdrawals { get; init; }

    /// <summary>Transferred beyond the senders' known balances up to then (see <see cref="DepositorBalances"/>).</summary>
    public decimal UnmatchedTransfers { get; init; }

    /// <summary>Net supplied by events without an account up to then.</summary>
    public decimal Unattributed { get; init; }

    /// <summary>aToken transfers whose sides were unknown, so not applied, up to then.</summary>
    public int TransfersSkipped { get; init; }

    /// <summary>The largest holder's share of known deposits (0 with none).</summary>
    public double Top1Share => Share(Top1);

    /// <summary>The five largest holders' share.</summary>
    public double Top5Share => Share(Top5);

    /// <summary>The ten largest holders' share.</summary>
    public double Top10Share => Share(Top10);

    /// <summary>The <paramref name="k"/> largest holders' share of known deposits, k from 1 to <see cref="LargestKept"/>.</summary>
    public double TopShare(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, LargestKept);
        return Share(Largest.Take(k).Sum());
    }

    private double Share(decimal amount) => KnownDeposits > 0 ? (double)(amount / KnownDeposits) : 0;

    /// <summary>Concentration from a market's events (in time order) stamped before <paramref name="asOf"/>; later ones are ignored.</summary>
    /// <exception cref="ForecasterException">An event breaks a rule of <see cref="DepositorBalances"/>.</exception>
    public static DepositorConcentration At(string market, IEnumerable<FlowEvent> events, DateTimeOffset asOf) => Series(market, events, [asOf])[0];

    /// <summary>
    /// Concentration at each of <paramref name="times"/> (ascending, e.g. the end of every hour) in one pass over the events,
    /// each read once as the pass comes to it: only the holders' balances are kept, never the events.
    /// </summary>
    /// <exception cref="ArgumentException">The times are not ascending.</exception>
    /// <exception cref="ForecasterException">An event breaks a rule of <see cref="DepositorBalances"/>.</exception>
    public static IReadOnlyList<DepositorConcentration> Series(string market, IEnumerable<FlowEvent> events, IReadOnlyList<DateTimeOffset> times)
    {
        ArgumentNullException.ThrowIfNull(events);
        var series = new SeriesPass(market, times);
        foreach (var e in events)
            if (!series.Read(e)) break;
        return series.Finish();
    }

    /// <summary>
    /// <see cref="Series(string, IEnumerable{FlowEvent}, IReadOnlyList{DateTimeOffset})"/> over events read asynchronously
    /// (e.g. streamed from a store), each read once as the pass comes to it.
    /// </summary>
    /// <exception cref="ArgumentException">The times are not ascending.</exception>
    /// <exception cref="ForecasterException">An event breaks a rule of <see cref="DepositorBalances"/>.</exception>
    public static async Task<IReadOnlyList<DepositorConcentration>> SeriesAsync(string market, IAsyncEnumerable<FlowEvent> events, IReadOnlyList<DateTimeOffset> times,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var series = new SeriesPass(market, times);
        await foreach (var e in events.WithCancellation(cancellationToken))
            if (!series.Read(e)) break;
        return series.Finish();
    }

    // One pass over a market's events in time order: the book is measured at each time before the first event stamped at or
    // after it is applied. Events past the last time are not read: an as-of cut never depends on what came later (nor on its order).
    private sealed class SeriesPass
    {
        private readonly IReadOnlyList<DateTimeOffset> _times;
        private readonly DepositorBalances _book;
        private readonly List<DepositorConcentration> _result;

        public SeriesPass(string market, IReadOnlyList<DateTimeOffset> times)
        {
            ArgumentNullException.ThrowIfNull(times);
            for (var i = 1; i < times.Count; i++)
                if (times[i] < times[i - 1]) throw new ArgumentException($"Times must be ascending ({times[i]:u} after {times[i - 1]:u}).", nameof(times));
            _times = times;
            _book = new DepositorBalances(market);
            _result = new List<DepositorConcentration>(times.Count);
        }

        // Applies the event after measuring every time it comes at or after; false once every time is measured (read no further).
        public bool Read(FlowEvent e)
        {
            while (_result.Count < _times.Count && e.Timestamp >= _times[_result.Count]) _result.Add(_book.Measure(_times[_result.Count]));
            if (_result.Count == _times.Count) return false;
            _book.Apply(e);
            return true;
        }

        public IReadOnlyList<DepositorConcentration> Finish()
        {
            while (_result.Count < _times.Count) _result.Add(_book.Measure(_times[_result.Count]));
            return _result;
        }
    }
}
