using System.Globalization;
using Forecaster.Markets;
using Forecaster.Risk.Liquidity;
using Forecaster.Risk.Stress;

namespace Forecaster.Recommend;

/// <summary>
/// Turns a market's liquidity risk, replayed scenarios and shortfall probability into bounded parameter changes that
/// close the gap to its target buffer: a steeper rate curve above the kink (sized with the market's own rate-to-flow
/// response), a higher reserve factor, a borrow cap at today's borrows where the protocol has caps
/// (<see cref="ProtocolLevers"/>), treasury reserves (sized by <see cref="TreasuryAllocator"/> across
/// markets), and a circuit breaker when the shortfall probability crosses the profile's limit.
/// </summary>
public sealed class RecommendationEngine(RecommendationOptions? options = null)
{
    private readonly RecommendationOptions _options = options ?? new RecommendationOptions();

    /// <summary>The options in force.</summary>
    public RecommendationOptions Options => _options;

    /// <summary>The target buffer for a market under this engine's appetite.</summary>
    /// <param name="report">Its liquidity risk.</param>
    /// <param name="scenarios">Worst real episodes to replay on it.</param>
    /// <param name="optimalUtilization">Its rate curve's kink (above it, more of the worst episode is covered).</param>
    /// <param name="shortfallProbability24h">The early-warning probability of a shortfall within 24 h, NaN when there is none.</param>
    /// <param name="peerStress">Stress carried over from peer markets at the report's hour (see <see cref="ReserveTargetPolicy.Compute"/>), null for none.</param>
    public ReserveTarget Target(LiquidityRiskReport report, IReadOnlyList<StressScenario> scenarios, double optimalUtilization, double shortfallProbability24h = double.NaN,
        PeerStressReading? peerStress = null) =>
        ReserveTargetPolicy.For(_options.Appetite).Compute(report, scenarios, _options.Appetite, optimalUtilization, shortfallProbability24h, peerStress);

    /// <summary>Recommends changes for one market.</summary>
    /// <param name="report">Its liquidity risk.</param>
    /// <param name="scenarios">Worst real episodes to replay on it.</param>
    /// <param name="shortfallProbability24h">The model's probability of a shortfall within 24 h.</param>
    /// <param name="parameters">Its parameters now.</param>
    /// <param name="depositsPerRatePointUsd">Rate-to-flow response (USD per pp of supply APR per 24 h), NaN when unknown.</param>
    /// <param name="treasuryTopUpUsd">Reserves the treasury allocation gives it, USD.</param>
    /// <param name="lastChanged">When each parameter last changed.</param>
    /// <param name="now">Time of the recommendation.</param>
    /// <param name="collateral">The collateral ratios the asset's price volatility allows, or null when it is no collateral or has no prices.</param>
    /// <param name="peerStress">Stress carried over from peer markets at the report's hour (<see cref="PeerStress.At"/>), null for none.</param>
    public MarketRecommendation Recommend(LiquidityRiskReport report, IReadOnlyList<StressScenario> scenarios, double shortfallProbability24h,
        MarketParameters parameters, double depositsPerRatePointUsd, double treasuryTopUpUsd, IReadOnlyDictionary<string, DateTimeOffset> lastChanged, DateTimeOffset now,
        CollateralAdvice? collateral = null, PeerStressReading? peerStress = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(parameters);
        var target = Target(report, scenarios, parameters.OptimalUtilization, peerStress: peerStress);
        var name = report.Market.Name;
        var current = report.Current;
        var changes = new List<ParameterChange>();
        var held = new List<ParameterChange>();
        // Its own sentence after the rationale's last one, so the reader sees where the "current" column comes from.
        string Source(string parameter) => parameter switch
        {
            "slope2" when parameters.RateCurve is { } curve =>
                $" Current value estimated from the market's own borrow rates {curve.From:yyyy-MM-dd} to {curve.To:yyyy-MM-dd}.",
            "reserveFactor" when parameters.ReserveFactorEstimate is { } rf =>
                $" Current value estimated from the market's own supply and borrow rates {rf.From:yyyy-MM-dd} to {rf.To:yyyy-MM-dd}; debt at a stable rate above the variable one makes this estimate low, so if the value in force is higher, this proposal means the same step up from it, never a cut.",
            "reserveFactor" => $" Current value assumed: the market's own rates over the last {Markets.ReserveFactors.ReserveFactorEstimator.Default.Window.TotalDays:0} days did not agree on one reserve factor, so an Aave-like default is used.",
            "borrowCap" when double.IsNaN(parameters.BorrowCapUsd) => " No current cap is known: the data does not hold it; check on-chain.",
            _ => parameters.Assumed ? " Current value assumed: the store does not hold this market's parameters." : "",
        };
        var why = $"Target buffer {Usd(target.TargetBufferUsd)} (max of ES99 24 h outflow {Usd(target.Es99Outflow24hUsd)} and {target.ScenarioWeight:P0} of the worst replayed episode{Within(target)} {Usd(target.WorstScenarioOutflowUsd)}{Raised(target, current.Utilization)}, plus {target.Margin:P0}{CappedAtDeposits(target, current)}); available {Usd(target.AvailableUsd)}; gap {Usd(target.GapUsd)}.";

        void Add(string parameter, double from, double requested, string rationale, string effect)
        {
            var bound = BoundFor(parameter);
            var (allowed, limited) = bound.Apply(from, requested, lastChanged.TryGetValue(parameter, out var t) ? t : null, now);
            var step = double.IsNaN(from) ? "no per-update bound (the current value is unknown)" : $"at most {bound.MaxRelativeChange:P0} per update";
            var boundText = $"{step}, {bound.MinimumDelay.TotalDays:0.#} days apart" + (limited is null ? "" : $"; {limited}");
            // Equals, not ==: an unknown (NaN) current value held back by the delay is still "unchanged".
            // Unchanged because the delay binds: kept, so the proposal can say what waits and until when.
            if (allowed.Equals(from) && !requested.Equals(from) && limited is not null) held.Add(new ParameterChange(name, parameter, from, from, requested, boundText, rationale + Source(parameter), effect));
            if (allowed.Equals(from)) return;
            var updates = bound.UpdatesToReach(from, requested);
            changes.Add(new ParameterChange(name, parameter, from, allowed, requested, boundText, rationale + Source(parameter), effect)
            {
                UpdatesToRequested = updates,
                TimeToRequested = updates is > 0 and var n ? bound.MinimumDelay * (n - 1) : null,
            });
        }

        var caps = ProtocolLevers.HasBorrowCaps(report.Market.Protocol);
        var notes = new List<string>();
        // Whether borrowingPaused is in this very proposal decides the tense: a reader looks for it in the specification.
        var breaker = $"the {_options.Appetite.ToString().ToLowerInvariant()} circuit-breaker limit of {_options.CircuitBreakerProbability:P0}";
        string NoCaps(string asked) =>
            $"{report.Market.Protocol} has no borrow caps (they exist from Aave v3), so the borrow cap {asked} is not proposed. " +
            $"Its way to stop new borrowing is disabling borrowing on the reserve (borrowingPaused), " + (parameters.BorrowingPaused
                ? "which is already in force."
                : shortfallProbability24h >= _options.CircuitBreakerProbability
                    ? $"proposed below because the 24 h shortfall probability of {shortfallProbability24h:P1} reaches {breaker}."
                    : $"which would be proposed once the 24 h shortfall probability reaches {breaker}; at {shortfallProbability24h:P1} it is not proposed now.");

        if (target.GapUsd > 0)
        {
            // Size the steeper curve with the market's own response; where none is measurable, take one bounded step.
            var kink = parameters.OptimalUtilization;
            var stressUtilization = Math.Max(current.Utilization, (kink + 1) / 2);
            var supplyShare = stressUtilization * (1 - parameters.ReserveFactor);
            var rateRise = double.IsFinite(depositsPerRatePointUsd) && depositsPerRatePointUsd > 0 ? target.GapUsd / depositsPerRatePointUsd : double.NaN;
            // Without a measured response no size can be argued, so the request is one step at the bound and no more.
            var slopeRise = double.IsFinite(rateRise) ? rateRise / supplyShare * (1 - kink) / (stressUtilization - kink) : parameters.Slope2Pct * BoundFor("slope2").MaxRelativeChange;
            Add("slope2", parameters.Slope2Pct, parameters.Slope2Pct + slopeRise,
                double.IsFinite(rateRise)
                    ? $"{why} This market's history shows about {Usd(depositsPerRatePointUsd)} of deposits per day per +1 pp of supply APR; closing the gap needs about +{rateRise.ToString("0.0", CultureInfo.InvariantCulture)} pp at {stressUtilization:P0} utilization."
                    : $"{why} No positive rate-to-flow response is measurable in this market's history, so the curve above the kink is steepened by one step at the per-update bound, the most that can be asked without a measured response.",
                "Higher supply APR above the kink draws deposits and repayments back exactly when utilization nears 100%.");
            AddReserveFactor(parameters, current, target, why, BoundFor("reserveFactor"), Add);
            // A reader who sees a reserve factor in force above the ceiling, and none proposed, asks why.
            if (parameters.ReserveFactor >= MaximumReserveFactor)
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"The reserve factor in force ({parameters.ReserveFactor:P1}) is at or above the {MaximumReserveFactor:P0} Forecaster proposes at most, so no raise is proposed: a higher one would leave depositors too little of the interest for the risk."));
            if (caps)
                Add("borrowCap", parameters.BorrowCapUsd, Math.Max(current.BorrowedUsd, 0),
                    $"{why} Capping borrows at today's level stops new borrowing from eating the buffer while it is rebuilt.",
                    double.IsNaN(parameters.BorrowCapUsd)
                        ? "Keeps available liquidity from falling through new borrows; how much borrowing headroom this removes depends on the cap in force, which the data does not hold."
                        : $"Keeps available liquidity from falling through new borrows; at most {Usd(Math.Max(parameters.BorrowCapUsd - current.BorrowedUsd, 0))} of borrowing headroom removed.");
            else notes.Add(NoCaps("at today's borrows that the buffer gap asks for"));
        }
        else if (shortfallProbability24h >= _options.CapProbability)
        {
            if (caps)
                Add("borrowCap", parameters.BorrowCapUsd, Math.Max(current.BorrowedUsd, 0),
                    $"Shortfall probability within 24 h is {shortfallProbability24h:P1} (limit for tightening {_options.CapProbability:P1}) although the buffer is met: {why}",
                    "Stops utilization from rising through new borrows.");
            else notes.Add(NoCaps($"that a shortfall probability of {shortfallProbability24h:P1} (limit for tightening {_options.CapProbability:P1}) asks for"));
        }
        if (treasuryTopUpUsd > 0)
        {
            Add("treasuryReserveUsd", 0, treasuryTopUpUsd,
                $"{why} The treasury budget was spread across markets to minimise their total 24 h shortfall probability; this market's share is {Usd(treasuryTopUpUsd)}.",
                $"Adds {Usd(treasuryTopUpUsd)} of withdrawable liquidity at once.");
        }
        if (shortfallProbability24h >= _options.CircuitBreakerProbability && !parameters.BorrowingPaused)
        {
            Add("borrowingPaused", 0, 1,
                $"Shortfall probability within 24 h is {shortfallProbability24h:P1}, at or above the {_options.Appetite.ToString().ToLowerInvariant()} circuit-breaker limit of {_options.CircuitBreakerProbability:P0}.",
                "No new borrows until the probability falls back below the limit; withdrawals and repayments continue.");
        }
        if (collateral is not null)
        {
            foreach (var (parameter, value, ceiling) in new[]
                     {
                         ("liquidationThreshold", collateral.Current.LiquidationThreshold, collateral.LiquidationThresholdCeiling),
                         ("ltv", collateral.Current.Ltv, collateral.LtvCeiling),
                     })
            {
                if (value - ceiling < collateral.Options.MinimumChange) continue;
                Add(parameter, value, ceiling, CollateralRationale(collateral, parameter), parameter == "ltv"
                    ? $"New positions borrow at most {ceiling:P1} of their collateral, so a 1-in-100 day does not take them to liquidation."
                    : $"Positions are liquidated while the collateral still covers the debt plus the {collateral.Current.LiquidationBonus:P1} bonus after a 1-in-100 move over {collateral.Options.LiquidationHorizon.TotalHours:0} h and the sales it triggers.");
            }
        }
        return new MarketRecommendation(target, shortfallProbability24h, report.LiquidityCoverage, changes, parameters) { Held = held, Notes = notes };
    }

    /// <summary>Days over which a higher reserve factor is sized to close the gap: a quarter, the cadence of parameter reviews; reserves build too slowly to help within days.</summary>
    public const double ReserveFactorHorizonDays = 91;

    /// <summary>Highest reserve factor proposed: half of borrowers' interest, beyond which depositors' rate stops rewarding them for the risk.</summary>
    public const double MaximumReserveFactor = 0.5;

    // The reserve factor keeps a share of borrowers' interest as protocol-owned deposits that do not run: raising it by
    // dRF adds dRF x borrows x borrow APR a year to that buffer, at the cost of a lower supply APR.
    private ParameterBound BoundFor(string parameter) => _options.Bounds.TryGetValue(parameter, out var b) ? b : ParameterBound.Defaults[parameter];

    private static void AddReserveFactor(MarketParameters parameters, MarketHour current, ReserveTarget target, string why, ParameterBound bound,
        Action<string, double, double, string, string> add)
    {
        var borrowApr = current.BorrowRatePct / 100;
        if (!double.IsFinite(borrowApr) || borrowApr <= 0 || current.BorrowedUsd <= 0) return;
        var yearlyPerPoint = current.BorrowedUsd * borrowApr; // USD a year per +1.0 of reserve factor
        var closing = parameters.ReserveFactor + target.GapUsd / (yearlyPerPoint * ReserveFactorHorizonDays / 365);
        var requested = Math.Min(closing, MaximumReserveFactor);
        if (requested <= parameters.ReserveFactor) return;
        // Beyond the ceiling the lever cannot close the gap in time, and the reader must see how little it does there.
        var atCeiling = yearlyPerPoint * (MaximumReserveFactor - parameters.ReserveFactor) * ReserveFactorHorizonDays / 365;
        var closes = closing <= MaximumReserveFactor
            ? string.Create(CultureInfo.InvariantCulture, $"Closing the gap within {ReserveFactorHorizonDays:0} days would take a reserve factor of {requested:P1}.")
            : string.Create(CultureInfo.InvariantCulture,
                $"Closing the gap within {ReserveFactorHorizonDays:0} days would take a reserve factor of {closing:P0}, above the {MaximumReserveFactor:P0} ceiling; even at {MaximumReserveFactor:P0} the reserves would grow by {Usd(atCeiling)} in {ReserveFactorHorizonDays:0} days, {atCeiling / target.GapUsd:P1} of the gap, so this lever alone cannot close it.");
        // The effect is stated for the step the per-update bound allows (the delay, if it binds, holds the step back whole).
        var step = bound.Apply(parameters.ReserveFactor, requested, null, DateTimeOffset.MinValue).Value - parameters.ReserveFactor;
        add("reserveFactor", parameters.ReserveFactor, requested,
            string.Create(CultureInfo.InvariantCulture,
                $"{why} Borrowers pay {current.BorrowRatePct:0.00}% APR on {Usd(current.BorrowedUsd)}; each +1 pp of reserve factor keeps {Usd(yearlyPerPoint / 100)} a year as protocol-owned reserves. {closes}"),
            string.Create(CultureInfo.InvariantCulture,
                $"This step (+{step * 100:0.0} pp) keeps about {Usd(yearlyPerPoint * step * 30 / 365)} more as reserves over 30 days and {Usd(yearlyPerPoint * step * ReserveFactorHorizonDays / 365)} over {ReserveFactorHorizonDays:0} days at today's borrows and rate; depositors' APR falls by {current.BorrowRatePct * current.Utilization * step:0.00} pp, which may draw some deposits out."));
    }

    private static string CollateralRationale(CollateralAdvice a, string parameter)
    {
        var v = a.Volatility;
        var o = a.Options;
        var basis = string.Create(CultureInfo.InvariantCulture,
            $"{v.Symbol} hourly price volatility as of {v.AsOf:yyyy-MM-dd HH:mm} UTC: EWMA {v.EwmaHourly:P2}, 30-day realised {v.RealisedHourly30d:P2} (the higher, {v.Annualised:P0} a year, is used). " +
            $"The 99% one-sided price drop over the {o.LiquidationHorizon.TotalHours:0} h liquidation horizon is {a.PriceMove:P1}; selling the collateral of the positions it liquidates " +
            $"(debt {Usd(a.DebtUsd)} assumed on it, depth {Usd(o.DepthUsdPerPercent)} per 1% assumed) deepens it to {a.DropAfterCascade:P1}. " +
            $"With the {a.Current.LiquidationBonus:P1} liquidation bonus, liquidations stay solvent up to a threshold of (1 − {a.DropAfterCascade:P1}) / (1 + {a.Current.LiquidationBonus:P1}) = {a.LiquidationThresholdCeiling:P1}.");
        return parameter == "ltv"
            ? basis + string.Create(CultureInfo.InvariantCulture, $" The LTV leaves room for a 1-in-100 move over {o.ReactionHorizon.TotalHours:0} h before that threshold: {a.LiquidationThresholdCeiling:P1} × exp(−{o.Z:0.00} × {v.Hourly:P2} × √{o.ReactionHorizon.TotalHours:0}) = {a.LtvCeiling:P1}.")
            : basis;
    }

    private static string Usd(double value) => Markets.UsdText.Compact(value);

    // Says so when the target is all of the market's deposits: more than that can never be withdrawn.
    private static string CappedAtDeposits(ReserveTarget target, MarketHour current) =>
        Math.Max(target.Es99Outflow24hUsd, target.ScenarioWeight * target.WorstScenarioOutflowUsd) * (1 + target.Margin) > target.BufferBeforeHoldersUsd * (1 + 1e-9)
            ? $", capped at the market's deposits of {Usd(current.SuppliedUsd)}"
            : "";

    // Names the day-scale filter, so a reader does not look for a 72 h episode in the target.
    private static string Within(ReserveTarget target) => target.ScenarioHorizon < TimeSpan.MaxValue
        ? string.Create(CultureInfo.InvariantCulture, $" of {target.ScenarioHorizon.TotalHours:0} h or less")
        : "";

    // Says why the share of the worst episode is above the profile's, when it is: the market's own stress or a peer's.
    private static string Raised(ReserveTarget target, double utilization)
    {
        if (!(target.ScenarioWeight > target.ProfileScenarioWeight)) return "";
        if (!target.PeerStressBinds)
            return string.Create(CultureInfo.InvariantCulture, $" (the profile's {target.ProfileScenarioWeight:P0}, raised because utilization {utilization:P1} is above the rate curve's kink at {target.OptimalUtilization:P1})");
        var p = target.PeerStress;
        return string.Create(CultureInfo.InvariantCulture,
            $" (the profile's {target.ProfileScenarioWeight:P0}, raised because its peer {p.Peer} stood at {p.PeerUtilization:P1} utilization at {p.PeerHour:yyyy-MM-dd HH:mm} UTC, above its kink at {p.PeerOptimalUtilization:P1}: a peer of the same peg squeezed above its kink draws deposits from here within hours)");
    }
}
