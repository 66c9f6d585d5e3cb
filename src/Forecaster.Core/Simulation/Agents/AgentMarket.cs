using Forecaster.Flows;
using Forecaster.Risk.Liquidity;

namespace Forecaster.Simulation.Agents;

/// <summary>
/// One market's agents and balances, stepped an hour at a time. Amounts are USD; interest is not accrued (at most a few
/// thousandths of a percent an hour), so deposits change by exactly supplies less withdrawals and borrows by exactly
/// borrows less repays and liquidations. Every hour draws the same number of random numbers whatever happens, so two
/// runs with the same seed differ only where their shocks or parameters differ.
/// </summary>
internal sealed class AgentMarket
{
    private const double HoursPerYear = 24 * 365;
    private const int Buckets = 16;
    // Small depositors' accounts: each opens with an equal part of their deposits (0.06% of the market at the default 40%
    // whale share), so a whale holds over a hundred times as much as any of them.
    private const int RetailAccounts = 1_000;

    // Gross hourly turnover of small depositors and of borrowers each way (0.3%/h), before any rate or panic response.
    private const double RetailTurnover = 0.003;
    private const double BorrowTurnover = 0.002;
    // Relative change of that turnover per percentage point of spread: +2 pp of spread lifts supplies by 10%.
    private const double RateSensitivity = 0.05;
    // Panic at level 1 asks for 2% of small deposits an hour; panic fades by 15% an hour.
    private const double PanicWithdrawal = 0.02;
    private const double PanicMemory = 0.85;

    private readonly Random _random;
    private readonly Random _split;
    private readonly InterestRateModel _curve;
    private readonly AgentBehaviour _behaviour;
    private readonly bool _stable;
    private readonly double _borrowPremium;
    private readonly double[] _whale;
    private readonly double[] _whaleTarget;
    private readonly double[] _whaleQueue;
    private readonly (double Exit, double Size, double Return)[] _whaleDraws;
    private readonly double[] _debt = new double[Buckets];
    private readonly double[] _collateral = new double[Buckets];
    private readonly double[] _retailAccounts = new double[RetailAccounts];
    private double _retail;
    private double _retailQueue;
    private double _outsideRate;
    private double _lastAskedShare;
    private int _hoursSinceWhaleExit = int.MaxValue / 2;

    public AgentMarket(Random random, InterestRateModel curve, AgentBehaviour behaviour, bool stable, double deposits, double borrowed, double price)
    {
        _random = random;
        _split = new Random(random.Next());
        _curve = curve;
        _behaviour = behaviour;
        _stable = stable;
        _borrowPremium = stable ? 2.0 : 1.0;
        _outsideRate = stable ? 4.0 : 2.0;
        var weights = Enumerable.Range(0, behaviour.Whales).Select(_ => 0.5 + random.NextDouble()).ToArray();
        var total = weights.Sum();
        _whale = weights.Select(w => deposits * behaviour.WhaleShare * w / total).ToArray();
        _whaleTarget = (double[])_whale.Clone();
        _whaleQueue = new double[_whale.Length];
        _whaleDraws = new (double, double, double)[_whale.Length];
        _retail = deposits - _whale.Sum();
        Array.Fill(_retailAccounts, _retail / RetailAccounts);
        for (var k = 0; k < Buckets; k++)
        {
            var health = TargetHealth(k);
            _debt[k] = borrowed / Buckets;
            _collateral[k] = _debt[k] * health / (price * behaviour.LiquidationThreshold);
        }
    }

    // Each group of borrowers keeps its own appetite for risk: health factors from 1.15 to 2.6 spread evenly, so a 15%
    // fall already liquidates the boldest and a 60% one reaches nearly all.
    private static double TargetHealth(int bucket) => 1.1 + 1.5 * (bucket + 0.5) / Buckets;

    /// <summary>Keeps every account's opening deposits as events (when the recorder keeps events).</summary>
    public void Open(FlowRecorder flows)
    {
        for (var i = 0; i < _whale.Length; i++) flows.Open(_whale[i], FlowRecorder.Whale, i);
        for (var a = 0; a < RetailAccounts; a++) flows.Open(_retailAccounts[a], FlowRecorder.Depositor, a);
    }

    public double Deposits => _retail + _whale.Sum();
    public double Borrowed => _debt.Sum();
    public double Panic { get; private set; }
    public double QueuedWithdrawals => _retailQueue + _whaleQueue.Sum();

    /// <summary>Withdrawals newly asked for this hour (paid or queued) less queued ones called off, less supplies.</summary>
    public double NetOutflowDemand { get; private set; }

    /// <summary>True when a whale decided to leave this hour.</summary>
    public bool WhaleLeft { get; private set; }

    public void Step(double priceBefore, double priceAfter, double depeg, double scriptedWhaleExit, FlowRecorder flows)
    {
        // Every draw of the hour, up front.
        var retailSupplyNoise = StudentT.NextNormal(_random);
        var retailWithdrawNoise = StudentT.NextNormal(_random);
        var borrowNoise = StudentT.NextNormal(_random);
        var repayNoise = StudentT.NextNormal(_random);
        var outsideNoise = StudentT.NextNormal(_random);
        var bucket = _random.Next(Buckets);
        for (var i = 0; i < _whaleDraws.Length; i++)
            _whaleDraws[i] = (_random.NextDouble(), _random.NextDouble(), _random.NextDouble());
        WhaleLeft = false;

        Liquidate(priceAfter, flows);

        var deposits = Deposits;
        var borrowed = Borrowed;
        var utilization = deposits > 0 ? Math.Clamp(borrowed / deposits, 0, 1) : 1;
        var supplyRate = _curve.SupplyRatePct(utilization);
        var borrowRate = _curve.BorrowRatePct(utilization);
        _outsideRate = Math.Max(0, _outsideRate + 0.02 * ((_stable ? 4.0 : 2.0) - _outsideRate) / 24 + 0.08 * outsideNoise);
        var spread = supplyRate - _outsideRate;
        var priceFall = Math.Max(0, 1 - priceAfter / priceBefore);

        // Panic feeds on others' withdrawal requests, paid or not (a failed withdrawal is as visible as a paid one),
        // beyond 1% of deposits an hour (over three times the usual turnover, so
        // ordinary hours leave it at rest), on utilization near 100% (money may soon be locked in), on collateral price
        // falls beyond 2% in an hour (three times the hourly volatility) and on a depeg of the market's own asset.
        var stimulus = Math.Max(0, _lastAskedShare - 0.01) * 20 + Math.Max(0, (utilization - 0.95) / 0.05) + Math.Max(0, priceFall - 0.02) * 10 + depeg * 20;
        Panic = Math.Min(PanicMemory * Panic + (1 - PanicMemory) * _behaviour.PanicSensitivity * stimulus, 5);

        // Small depositors: supplies rise with a positive spread, withdrawals with a negative one, plus the panic run.
        // Beyond 20 points of spread more yield draws no more money within hours. A rate far above the kink talks queued
        // withdrawers into staying (0.5% of the queue per point of spread an hour).
        var supplies = _retail * RetailTurnover * Math.Exp(0.3 * retailSupplyNoise - 0.045) * (1 + RateSensitivity * Math.Clamp(spread, 0, 20));
        var asked = _retail * RetailTurnover * Math.Exp(0.3 * retailWithdrawNoise - 0.045) * (1 + RateSensitivity * Math.Max(-spread, 0))
            + _retail * PanicWithdrawal * Panic;
        asked = Math.Min(asked, Math.Max(0, _retail - _retailQueue));
        var calledOff = _retailQueue * Math.Min(0.5, 0.005 * Math.Max(spread, 0));
        _retailQueue -= calledOff;
        double netDemand = asked - calledOff - supplies;
        _retailQueue += asked;
        _retail += supplies;
        Split(FlowKind.Supply, supplies, FlowRecorder.Depositor, flows);

        // Whales: a lone exit is rare; a peer's exit in the last day makes one 20 times likelier, and panic adds to it.
        // A whale that left comes back when the spread pays (over 5 points), a chunk at a time.
        var peers = _hoursSinceWhaleExit < 24 ? 20.0 : 1.0;
        double whaleAsked = 0;
        for (var i = 0; i < _whale.Length; i++)
        {
            var (exit, size, back) = _whaleDraws[i];
            var leaveProbability = _behaviour.RandomShocks ? _behaviour.WhaleExitsPerYear / HoursPerYear * peers * (1 + 5 * Panic) : 0;
            var share = i == 0 && scriptedWhaleExit > 0 ? scriptedWhaleExit : exit < leaveProbability ? 0.5 + 0.5 * size : 0;
            if (share > 0 && _whaleQueue[i] < 1 && _whale[i] > 0.1 * _whaleTarget[i])
            {
                var ask = _whale[i] * share;
                _whaleQueue[i] += ask;
                netDemand += ask;
                whaleAsked += ask;
                WhaleLeft = true;
            }
            else if (_whale[i] < 0.5 * _whaleTarget[i] && spread > 5 && back < 1.0 / 12)
            {
                var returned = (_whaleTarget[i] - _whale[i]) * size;
                _whale[i] += returned;
                netDemand -= returned;
                flows.Record(FlowKind.Supply, returned, FlowRecorder.Whale, i);
            }
        }
        _hoursSinceWhaleExit = WhaleLeft ? 0 : _hoursSinceWhaleExit + 1;
        _lastAskedShare = deposits > 0 ? (asked + whaleAsked) / deposits : 0;
        NetOutflowDemand = netDemand;

        // Borrowers: repay when the rate passes what borrowing is worth to them (outside rate plus a premium); borrow more
        // when it is below. Positions near liquidation (health under 1.1) pay down 5% of their debt an hour.
        var reservation = _outsideRate + _borrowPremium;
        var repays = borrowed * BorrowTurnover * Math.Exp(0.3 * repayNoise - 0.045) * (1 + 0.1 * Math.Max(0, borrowRate - reservation));
        var wanted = borrowed * BorrowTurnover * Math.Exp(0.3 * borrowNoise - 0.045) * (1 + 0.1 * Math.Max(0, reservation - borrowRate));
        Repay(repays, priceAfter, flows);

        // Withdrawals in the queue come first; they take what liquidity there is, pro rata, and the rest waits.
        var available = Liquidity();
        var queued = QueuedWithdrawals;
        var paidShare = queued > 0 ? Math.Min(1, available / queued) : 0;
        var paidRetail = Math.Min(_retailQueue * paidShare, _retail);
        _retailQueue -= paidRetail;
        _retail -= paidRetail;
        Split(FlowKind.Withdraw, paidRetail, FlowRecorder.Depositor, flows);
        for (var i = 0; i < _whale.Length; i++)
        {
            var p = Math.Min(_whaleQueue[i] * paidShare, _whale[i]);
            _whaleQueue[i] = p >= _whale[i] ? 0 : _whaleQueue[i] - p;
            _whale[i] -= p;
            flows.Record(FlowKind.Withdraw, p, FlowRecorder.Whale, i);
        }

        // New borrowing takes only what is left, at the health factor its borrowers keep.
        var lent = Math.Min(wanted, Liquidity());
        if (lent > 0)
        {
            _debt[bucket] += lent;
            _collateral[bucket] += lent * TargetHealth(bucket) / (priceAfter * _behaviour.LiquidationThreshold);
            Split(FlowKind.Borrow, lent, FlowRecorder.Borrower, flows);
        }
    }

    // Liquidators repay up to the close factor of every position whose health factor fell below 1 and take its
    // collateral plus the bonus; a position with too little collateral left for the bonus is liquidated only as far as
    // its collateral pays (the rest is bad debt that stays on the books).
    private void Liquidate(double price, FlowRecorder flows)
    {
        for (var k = 0; k < Buckets; k++)
        {
            if (_debt[k] <= 0 || _collateral[k] * price * _behaviour.LiquidationThreshold >= _debt[k]) continue;
            var repaid = Math.Min(_behaviour.CloseFactor * _debt[k], _collateral[k] * price / (1 + _behaviour.LiquidationBonus));
            if (repaid <= 0) continue;
            _debt[k] -= repaid;
            _collateral[k] = Math.Max(0, _collateral[k] - repaid * (1 + _behaviour.LiquidationBonus) / price);
            flows.Record(FlowKind.Liquidation, repaid, FlowRecorder.Liquidator, k);
        }
    }

    // Liquidity that can be handed out. A billionth of deposits stays back so that rounding in the sums can never leave
    // more lent than deposited.
    private double Liquidity()
    {
        var deposits = Deposits;
        return Math.Max(0, deposits - Borrowed - 1e-9 * deposits);
    }

    private void Repay(double amount, double price, FlowRecorder flows)
    {
        var total = Borrowed;
        if (total <= 0) return;
        var scale = Math.Min(1, amount / total);
        for (var k = 0; k < Buckets; k++)
        {
            var health = _debt[k] > 0 ? _collateral[k] * price * _behaviour.LiquidationThreshold / _debt[k] : double.PositiveInfinity;
            // An ordinary repayment takes its share of the collateral back (health unchanged); paying down a position
            // near liquidation leaves the collateral in, which is the point of it.
            var deleverage = health < 1.1 ? 0.05 : 0;
            var share = Math.Min(1, scale + deleverage);
            var repaid = _debt[k] * share;
            if (repaid <= 0) continue;
            _collateral[k] *= 1 - Math.Min(1, scale);
            _debt[k] -= repaid;
            flows.Record(FlowKind.Repay, repaid, FlowRecorder.Borrower, k);
        }
    }

    // Many small agents act every hour: split the class's volume among 1 to 4 of them (accounts 0..9999; small
    // depositors' accounts 0..999, whose balances the events keep: see Pay).
    private void Split(FlowKind kind, double amount, int agentClass, FlowRecorder flows)
    {
        if (amount <= 0) return;
        var pieces = 1 + _split.Next(4);
        var left = amount;
        for (var i = 1; i < pieces; i++)
        {
            var piece = left * _split.NextDouble() * 0.5;
            Pay(kind, piece, agentClass, flows);
            left -= piece;
        }
        Pay(kind, left, agentClass, flows);
    }

    // A small depositor's supply goes to one account; a withdrawal is taken from accounts that hold deposits, from a random
    // one on, so no account ever withdraws more than it holds. Other classes' pieces go to one account each.
    private void Pay(FlowKind kind, double piece, int agentClass, FlowRecorder flows)
    {
        if (agentClass != FlowRecorder.Depositor)
        {
            flows.Record(kind, piece, agentClass, _split.Next(10_000));
            return;
        }
        var account = _split.Next(RetailAccounts);
        if (kind == FlowKind.Supply)
        {
            _retailAccounts[account] += piece;
            flows.Record(kind, piece, agentClass, account);
            return;
        }
        // The accounts add up to the small depositors' deposits up to rounding, so one pass pays any withdrawal they can.
        for (var n = 0; n < RetailAccounts && piece > 0; n++, account = (account + 1) % RetailAccounts)
        {
            var paid = Math.Min(piece, _retailAccounts[account]);
            if (paid <= 0) continue;
            _retailAccounts[account] -= paid;
            piece -= paid;
            flows.Record(kind, paid, agentClass, account);
        }
    }
}
