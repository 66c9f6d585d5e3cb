using Forecaster.Flows;

namespace Forecaster.Risk.Liquidity;

/// <summary>
/// Who holds a market's deposits, built by applying its event-level flows in time order. A Supply adds its amount to the
/// account, a Withdraw takes it off, and an aToken transfer between two holders moves its amount from the sender
/// (<see cref="FlowEvent.Account"/>) to the recipient (<see cref="FlowEvent.Counterparty"/>): deposits changing hands (to an
/// exchange, a vault) change who could withdraw them. aToken mints and burns (a side is the zero address) are left alone:
/// the Supply and Withdraw of the same transaction already count their principal, and the rest they carry (interest,
/// the treasury's share) is interest, which the balances ignore. A repayment or a liquidation that burns deposits with no
/// Withdraw (<see cref="FlowEvent.DepositsBurnedFrom"/>: a repayment paid with aTokens, collateral seized and paid out in
/// the underlying) takes its amount off that holder, as a withdrawal does; a liquidator taking the aTokens instead gets them
/// by an aToken transfer, which moves them. Every other kind leaves balances alone (borrows, repayments with the asset,
/// flash loans move the reserve's cash, not what depositors are owed). Balances are principal only, so a holder's accrued
/// interest shows up as a withdrawal or a transfer beyond what it supplied.
/// </summary>
/// <remarks>
/// Rules for input the balances cannot take as it is, each counted in the result rather than dropped silently:
/// a withdrawal or burn beyond the account's known balance (deposits from before the first event, or interest) takes the
/// balance to zero and the excess goes to <see cref="UnmatchedWithdrawals"/>; a transfer beyond the sender's known balance takes
/// the sender to zero and the excess goes to <see cref="UnmatchedTransfers"/>, while the recipient is credited the full
/// amount, because the Transfer is the token's own record that the recipient now holds it (the excess was the sender's
/// interest or older deposits, real tokens the book did not know of); a Supply or Withdraw with no account goes to
/// <see cref="Unattributed"/>; an aToken transfer whose sides are unknown (no sender or no counterparty, e.g. a flow read
/// back without its log) is counted in <see cref="TransfersSkipped"/>. Errors: a negative amount, an event older than the
/// one before it, another market's event, or a kind this type does not know.
/// </remarks>
public sealed class DepositorBalances
{
    private readonly Dictionary<string, decimal> _balances = new(StringComparer.OrdinalIgnoreCase);
    private FlowEvent? _last;

    /// <summary>Creates an empty book for one market.</summary>
    /// <param name="market">The market every applied event must belong to.</param>
    public DepositorBalances(string market)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(market);
        Market = market;
    }

    /// <summary>The market.</summary>
    public string Market { get; }

    /// <summary>Withdrawn or burned beyond the account's known balance, in tokens (see the remarks).</summary>
    public decimal UnmatchedWithdrawals { get; private set; }

    /// <summary>Transferred beyond the sending account's known balance, in tokens (see the remarks).</summary>
    public decimal UnmatchedTransfers { get; private set; }

    /// <summary>Supplied less withdrawn by events without an account, in tokens.</summary>
    public decimal Unattributed { get; private set; }

    /// <summary>aToken transfers whose sides are unknown, so not applied (see the remarks).</summary>
    public int TransfersSkipped { get; private set; }

    /// <summary>Number of events applied.</summary>
    public long Applied { get; private set; }

    /// <summary>The time of the last applied event, or null before the first.</summary>
    public DateTimeOffset? LastTimestamp => _last?.Timestamp;

    /// <summary>Every account's balance, in tokens; accounts that hold nothing are left out.</summary>
    public IEnumerable<KeyValuePair<string, decimal>> Holdings => _balances.Where(b => b.Value > 0);

    /// <summary>Applies one event, after every event applied so far.</summary>
    /// <exception cref="ForecasterException">The event is another market's, older than the last one, negative, or of an unknown kind.</exception>
    public void Apply(FlowEvent flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        string Where() => $"{flow.Market} event {flow.TransactionHash}#{flow.LogIndex} at {flow.Timestamp:u}";
        if (!string.Equals(flow.Market, Market, StringComparison.Ordinal))
            throw new ForecasterException($"Depositor balances of {Market}: {Where()} belongs to another market.");
        if (_last is not null && flow.Timestamp < _last.Timestamp)
            throw new ForecasterException($"Depositor balances of {Market}: {Where()} comes after an event at {_last.Timestamp:u}; events must be in time order.");
        if (flow.Amount < 0)
            throw new ForecasterException($"Depositor balances of {Market}: {Where()} has a negative amount ({flow.Amount}).");
        if (!Enum.IsDefined(flow.Kind))
            throw new ForecasterException($"Depositor balances of {Market}: {Where()} has an unknown kind ({(int)flow.Kind}).");

        switch (flow.Kind)
        {
            case FlowKind.Supply when flow.Account.Length == 0:
                Unattributed += flow.Amount;
                break;
            case FlowKind.Withdraw when flow.Account.Length == 0:
                Unattributed -= flow.Amount;
                break;
            case FlowKind.Supply:
                AddTo(flow.Account, flow.Amount);
                break;
            case FlowKind.Withdraw:
                UnmatchedWithdrawals += TakeOff(flow.Account, flow.Amount);
                break;
            case FlowKind.Repay or FlowKind.Liquidation when flow.DepositsBurnedFrom.Length > 0:
                UnmatchedWithdrawals += TakeOff(flow.DepositsBurnedFrom, flow.Amount);
                break;
            case FlowKind.ATokenTransfer when flow.Account.Length == 0 || flow.Counterparty.Length == 0:
                TransfersSkipped++;
                break;
            case FlowKind.ATokenTransfer when IsZero(flow.Account) || IsZero(flow.Counterparty):
                break; // a mint or a burn: see the summary
            case FlowKind.ATokenTransfer:
                UnmatchedTransfers += TakeOff(flow.Account, flow.Amount);
                AddTo(flow.Counterparty, flow.Amount);
                break;
        }
        _last = flow;
        Applied++;
    }

    private void AddTo(string account, decimal amount) => _balances[account] = _balances.GetValueOrDefault(account) + amount;

    // Takes an amount off an account's balance, flooring it at zero; returns the excess the balance did not hold.
    private decimal TakeOff(string account, decimal amount)
    {
        var held = _balances.GetValueOrDefault(account);
        _balances[account] = Math.Max(held - amount, 0);
        return Math.Max(amount - held, 0);
    }

    private static bool IsZero(string account) => string.Equals(account, FlowEvent.ZeroAddress, StringComparison.OrdinalIgnoreCase);

    /// <summary>How concentrated the deposits are now, stamped <paramref name="asOf"/>.</summary>
    public DepositorConcentration Measure(DateTimeOffset asOf)
    {
        var sorted = Holdings.Select(h => h.Value).OrderByDescending(v => v).ToArray();
        var total = sorted.Sum();
        decimal Top(int k) => sorted.Take(k).Sum();
        var hhi = total > 0 ? sorted.Sum(v => Math.Pow((double)(v / total), 2)) : double.NaN;
        return new DepositorConcentration(Market, asOf, sorted.Length, total, Top(1), Top(5), Top(10), hhi)
        {
            Largest = sorted.Take(DepositorConcentration.LargestKept).ToArray(),
            UnmatchedWithdrawals = UnmatchedWithdrawals,
            UnmatchedTransfers = UnmatchedTransfers,
            Unattributed = Unattributed,
            TransfersSkipped = TransfersSkipped,
        };
    }
}
