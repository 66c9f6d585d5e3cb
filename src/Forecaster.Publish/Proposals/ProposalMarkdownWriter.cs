using System.Globalization;
using System.Text;
using Forecaster.Risk.Liquidity;

namespace Forecaster.Publish.Proposals;

/// <summary>
/// A proposal in the forum format risk providers use: Summary, Motivation, Specification (current vs recommended),
/// Rationale with the data, Next steps, Vote.
/// </summary>
public static class ProposalMarkdownWriter
{
    /// <summary>The Motivation's sentence on who holds the deposits (from the market's account-level flows).</summary>
    public static string HoldersText(DepositorConcentration holders)
    {
        ArgumentNullException.ThrowIfNull(holders);
        return string.Create(CultureInfo.InvariantCulture,
            $"Who holds the deposits (account-level flows up to the as-of hour, interest not counted): the largest holder has {holders.Top1Share:P1} of them and the five largest {holders.Top5Share:P1} " +
            $"(ten largest {holders.Top10Share:P1}; {holders.Holders:N0} holders, HHI {holders.Hhi:F3}). A single large exit can take that much in a day whatever the outflow history says.");
    }

    /// <summary>The proposal as Markdown.</summary>
    public static string ToMarkdown(GovernanceProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var r = proposal.Recommendation;
        var risk = proposal.Risk;
        var t = r.Target;
        var md = new StringBuilder();
        void Line(string text = "") => md.AppendLine(text);
        string Usd(double v) => Brief.BriefMarkdownWriter.Usd(v);

        Line($"# {proposal.Title}");
        Line();
        if (risk.Market.IsSimulated) { Line("> **SIMULATED DATA.** This market comes from Forecaster's simulator: an example of the format, not a real proposal."); Line(); }
        Line("## Summary");
        Line();
        Line(string.Create(CultureInfo.InvariantCulture,
            $"Forecaster recommends {r.Changes.Count} change(s) to {risk.Market.Name} ({risk.Market.Protocol}, {risk.Market.Asset}) under the {t.Appetite.ToString().ToLowerInvariant()} risk profile, {Purpose(r)}"));
        Line();
        Line("## Motivation");
        Line();
        Line(string.Create(CultureInfo.InvariantCulture,
            $"As of {risk.AsOf:yyyy-MM-dd HH:mm} UTC the market holds {Usd(risk.Current.SuppliedUsd)} of deposits and {Usd(risk.Current.BorrowedUsd)} of borrows: utilization {risk.Current.Utilization:P1}, {Usd(t.AvailableUsd)} withdrawable. " +
            $"The probability of a shortfall (utilization at or above 98%) within 24 hours is {r.ShortfallProbability24h:P1} ({proposal.Method}). " +
            $"A 1-in-100 day's deposit outflow averages {Usd(t.Es99Outflow24hUsd)} (ES99, 24 h, filtered historical: past outflows scaled to today's volatility): liquidity coverage is {Coverage(r.LiquidityCoverage)}."));
        Line();
        if (TailVersusProbabilityText(proposal) is { } tail)
        {
            Line(tail);
            Line();
        }
        if (proposal.Holders is { } holders)
        {
            Line(HoldersText(holders));
            Line();
        }
        if (proposal.Stress.Count > 0)
        {
            Line("Worst real episodes in the data, replayed on today's state:");
            Line();
            Line("| Episode | From | Market | Its deposits then | Withdrawal demand today | Shortfall today | Weighed in the target |");
            Line("|---|---|---|---:|---:|---:|---|");
            foreach (var s in proposal.Stress)
                Line(string.Create(CultureInfo.InvariantCulture, $"| {Episode(s.Scenario)} | {s.Scenario.Start:yyyy-MM-dd HH:mm} | {s.Scenario.SourceMarket} | {(s.Scenario.SourceDepositsUsd is { } then ? Usd(then) : "-")} | {Usd(s.WithdrawalDemandUsd)} | {Usd(s.ShortfallUsd)} | {(Recommend.ReserveTargetPolicy.Weighs(s.Scenario, t.ScenarioHorizon) ? "yes" : "no")} |"));
            Line();
            if (proposal.Stress.Any(s => !Recommend.ReserveTargetPolicy.Weighs(s.Scenario, t.ScenarioHorizon)))
            {
                Line(string.Create(CultureInfo.InvariantCulture,
                    $"Episodes longer than {t.ScenarioHorizon.TotalHours:0} h are shown and not weighed in the target: the target answers the next day, as its ES99 term does, and a slower run is what the 72 h early warning is for."));
                Line();
            }
            Line(string.Create(CultureInfo.InvariantCulture,
                $"Each episode is replayed with today's borrows held fixed (they cannot be recalled within hours). Its withdrawal demand today is the larger of two: the same share of today's {Usd(risk.Current.SuppliedUsd)} of deposits leaving, ") +
                string.Create(CultureInfo.InvariantCulture,
                $"and the withdrawals that would lift today's {risk.Current.Utilization:P1} utilization by as many points as the episode's rose (at most to 100 %, so this part alone can use up the {Usd(t.AvailableUsd)} withdrawable but never exceed it). ") +
                "Outflow rows are named by the share that left, the utilization-jump row by the points utilization rose; the source market's deposits then show how large a market the share left, " +
                "since a share that left a small market in its first weeks is weaker evidence for a large one than the same share leaving a large market.");
            Line();
        }
        if (proposal.Correlated is { } correlated) CorrelatedStressMarkdown.Write(md, correlated, risk);
        Line("## Specification");
        Line();
        Line("| Market | Parameter | Current | Recommended | Bound |");
        Line("|---|---|---:|---:|---|");
        foreach (var c in r.Changes)
            Line($"| {c.Market} | {c.Parameter} | {Value(c.Parameter, c.Current)} | {Value(c.Parameter, c.Recommended)} | {c.Bound} |");
        Line();
        foreach (var note in r.Notes)
        {
            Line(note);
            Line();
        }
        if (r.Held.Count > 0)
        {
            Line("Kept unchanged because their minimum delay since the last proposed change has not passed:");
            Line();
            foreach (var h in r.Held)
                Line($"- {h.Parameter} stays at {Value(h.Parameter, h.Current)} (the analysis asks for {Value(h.Parameter, h.Requested)}): {h.Bound}.");
            Line();
        }
        Line(RateCurveText(r.Parameters));
        Line();
        Line(ReserveFactorText(r.Parameters));
        Line();
        if (AssumedText(r.Parameters, risk.Market.Protocol) is { } assumed)
        {
            Line(assumed);
            Line();
        }
        Line("## Rationale");
        Line();
        foreach (var c in r.Changes)
        {
            Line($"**{c.Parameter}**: {c.Rationale} Expected effect: {c.ExpectedEffect}" + (c.Requested != c.Recommended ? $" (The analysis asked for {Value(c.Parameter, c.Requested)}; the per-update bound limits this step.{PathText(c)})" : ""));
            Line();
        }
        Line("Liquidity risk behind these numbers (share of deposits that may leave):");
        Line();
        Line("| Horizon | Method | VaR 95% | ES 95% | VaR 99% | ES 99% |");
        Line("|---|---|---:|---:|---:|---:|");
        foreach (var o in risk.Outflows)
            Line(string.Create(CultureInfo.InvariantCulture, $"| {o.Horizon.TotalHours:0} h | {Method(o.Method)} | {o.Var95:P2} | {o.Es95:P2} | {o.Var99:P2} | {o.Es99:P2} |"));
        Line();
        if (proposal.ChartFile is not null) { Line($"![{risk.Market.Name} utilization]({proposal.ChartFile})"); Line(); }
        if (proposal.TrackRecord is { } record) TrackRecordMarkdown.Write(md, record, risk.Market.Name);
        Line("## Next steps");
        Line();
        Line("If the vote passes, the changes are applied within their bounds; Forecaster re-assesses the market every morning and proposes the next step only after each parameter's minimum delay.");
        Line();
        Line("## Disclaimer");
        Line();
        Line(string.Create(CultureInfo.InvariantCulture,
            $"Forecaster wrote this proposal from the store's hourly data for {risk.Market.Name} up to {risk.AsOf:yyyy-MM-dd HH:mm} UTC and nothing after it. ") +
            "Current values marked estimated are read from the market's own rates and those marked assumed are defaults; none is read from the protocol's contracts, so check them on-chain before voting. " +
            "The figures are risk estimates, not guarantees. " +
            (proposal.TrackRecord is { } shown
                ? string.Create(CultureInfo.InvariantCulture, $"The track record comes from `forecaster replay`, which reproduces it with `--store` and `--as-of {shown.AsOf:yyyy-MM-ddTHH:mmZ}`. ")
                : "`forecaster replay` shows how the same rule did before past crises. ") +
            "Whoever posts this proposal states their own interest in the market.");
        Line();
        Line("## Copyright");
        Line();
        Line("Copyright and related rights waived via CC0.");
        Line();
        Line("## Vote");
        Line();
        Line("- For: apply the specification above");
        Line("- Against: keep current parameters");
        Line("- Abstain");
        return md.ToString();
    }

    /// <summary>
    /// How far a bounded change is from what the analysis asked for, in updates and days ("" when it gets there or no
    /// relative path exists): a reader weighs a first step of two differently from a first step of ten.
    /// </summary>
    public static string PathText(Recommend.ParameterChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change is { UpdatesToRequested: > 1 and var n, TimeToRequested: { } time }
            ? string.Create(CultureInfo.InvariantCulture, $" Reaching it takes {n} updates at the bound, at least {time.TotalDays:0.#} days.")
            : "";
    }

    /// <summary>Where the rate curve's current kink and slopes come from: the market's own rates, or an assumption.</summary>
    public static string RateCurveText(Recommend.MarketParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.RateCurve is { } c
            ? string.Create(CultureInfo.InvariantCulture,
                $"Rate curve in force: kink at {c.OptimalUtilization:P1} utilization, slopes {c.Slope1Pct:0.#} and {c.Slope2Pct:0.#} points a year below and above it, estimated from the market's own borrow rates {c.From:yyyy-MM-dd} to {c.To:yyyy-MM-dd} (fit error {c.RootMeanSquareErrorPct:0.###} points); the current slope2 above is that estimate.")
            : string.Create(CultureInfo.InvariantCulture,
                $"Rate curve: no kink could be read from the market's own borrow rates (utilization did not cross one clearly in the last 180 days, or the curve changed within them), so the kink at {parameters.OptimalUtilization:P0} and the slope above it of {parameters.Slope2Pct:0.#} points are Aave-like assumptions.");
    }

    /// <summary>
    /// Which current values are assumptions rather than read from the market's rates, by name, or null when none is: a reader
    /// told to check "values marked assumed" must find each one, and none that is not there (an aave-v2 market has no cap).
    /// </summary>
    public static string? AssumedText(Recommend.MarketParameters parameters, string protocol)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!parameters.Assumed) return null;
        var assumed = new List<string>();
        if (parameters.RateCurve is null) assumed.Add("the rate curve's kink and slope2");
        if (parameters.ReserveFactorEstimate is null) assumed.Add("the reserve factor");
        if (parameters.Collateral is not null) assumed.Add("the collateral ratios (Aave v2's WETH LTV, liquidation threshold and bonus)");
        var sentences = new List<string>();
        if (assumed.Count > 0) sentences.Add($"Assumed, not read from the data (Aave-like defaults): {string.Join("; ", assumed)}.");
        if (Recommend.ProtocolLevers.HasBorrowCaps(protocol) && double.IsNaN(parameters.BorrowCapUsd))
            sentences.Add("The borrow cap in force is not in the data, so its current value is shown as none known.");
        if (sentences.Count == 0) return null;
        sentences.Add("Check them against the protocol before voting.");
        return string.Join(" ", sentences);
    }

    /// <summary>Where the current reserve factor comes from: the market's own rates, or an assumption.</summary>
    public static string ReserveFactorText(Recommend.MarketParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.ReserveFactorEstimate is { } e
            ? string.Create(CultureInfo.InvariantCulture,
                $"Reserve factor in force: {e.ReserveFactor:P1}, estimated from the market's own rates {e.From:yyyy-MM-dd} to {e.To:yyyy-MM-dd} as 1 − supply rate / (variable borrow rate × utilization), median of {e.Hours} fresh hours (middle half within {e.InterquartileRange * 100:0.0#} points). Debt at a stable rate above the variable one makes this estimate low: it is a lower bound where the market has stable-rate debt, so check the value in force on-chain.")
            : string.Create(CultureInfo.InvariantCulture,
                $"Reserve factor: the market's own rates over the last {Markets.ReserveFactors.ReserveFactorEstimator.Default.Window.TotalDays:0} days did not agree on one (or too few fresh hours), so {parameters.ReserveFactor:P0} is an Aave-like assumption.");
    }

    /// <summary>
    /// Why a market with a near-zero shortfall probability is still asked to hold more, or null when the two figures do not
    /// pull apart (probability at least 1%, or the reserve covers the ES99). A reader who sees "0.0 %" beside a buffer as
    /// large as the deposits will ask; the answer is that the two measure different things at different volatilities.
    /// </summary>
    public static string? TailVersusProbabilityText(GovernanceProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var r = proposal.Recommendation;
        if (!(r.ShortfallProbability24h < 0.01) || !(r.LiquidityCoverage < 1)) return null;
        OutflowRisk? Tail(OutflowMethod method) => proposal.Risk.Outflows.FirstOrDefault(o => o.Method == method && o.Horizon == TimeSpan.FromHours(24));
        var filtered = Tail(OutflowMethod.FilteredHistorical);
        var historical = Tail(OutflowMethod.Historical);
        var scaling = filtered is not null && historical is not null && historical.Es99 > 0
            ? string.Create(CultureInfo.InvariantCulture, $" Today's volatility makes that tail {filtered.Es99 / historical.Es99:0.0}x the same tail at the past's own volatility ({filtered.Es99:P1} of deposits against {historical.Es99:P1} by plain historical simulation).")
            : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"Why a low probability and a large buffer: the probability ({r.ShortfallProbability24h:P1}) says how often utilization reached 98 % within 24 h from a state like today's; the ES99 is the average of the worst 1 % of 24 h outflows with past outflows rescaled to today's volatility.") +
            scaling + " The buffer is sized on the tail, not on the probability: runs are rare, and when one comes it is this large.";
    }

    // The episode as a forum reader needs it: how much of the deposits left, or by how many points utilization rose.
    private static string Episode(Risk.Stress.StressScenario s) => s.Name == Risk.Stress.StressTester.UtilizationJumpName
        ? string.Create(CultureInfo.InvariantCulture, $"{s.Name}: +{s.UtilizationJump * 100:0.0} points of utilization in {s.Horizon.TotalHours:0} h ({Math.Max(s.DepositOutflowShare, 0):P1} of deposits left)")
        : string.Create(CultureInfo.InvariantCulture, $"{s.Name} ({s.DepositOutflowShare:P1} of deposits)");

    // What the changes are for: closing the buffer gap, or (buffer met) the parameters they touch, e.g. collateral ratios.
    private static string Purpose(Recommend.MarketRecommendation r) => r.Target.GapUsd > 0
        ? $"to bring its liquid buffer from {Brief.BriefMarkdownWriter.Usd(r.Target.AvailableUsd)} towards a target of {Brief.BriefMarkdownWriter.Usd(r.Target.TargetBufferUsd)} before withdrawals outrun it."
        : $"on {string.Join(", ", r.Changes.Select(c => c.Parameter))}; its liquid buffer of {Brief.BriefMarkdownWriter.Usd(r.Target.AvailableUsd)} already meets the target of {Brief.BriefMarkdownWriter.Usd(r.Target.TargetBufferUsd)}.";

    private static string Coverage(double coverage) => double.IsPositiveInfinity(coverage) ? "unbounded (no outflow risk measured)" : coverage.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    private static string Method(OutflowMethod method) => method switch
    {
        OutflowMethod.Historical => "historical",
        OutflowMethod.FilteredHistorical => "filtered historical (EWMA)",
        OutflowMethod.AgentBased => "agent-based Monte Carlo",
        _ => "Monte Carlo (Student-t, EWMA)",
    };

    /// <summary>A parameter value as the specification table shows it (USD, percent, APR, paused/open; NaN, an unknown current value, as "none known").</summary>
    public static string Value(string parameter, double value) => parameter switch
    {
        _ when double.IsNaN(value) => "none known (check on-chain)",
        "borrowCap" or "treasuryReserveUsd" => Brief.BriefMarkdownWriter.Usd(value),
        "reserveFactor" or "ltv" or "liquidationThreshold" => value.ToString("P1", CultureInfo.InvariantCulture),
        "slope2" => value.ToString("0.0", CultureInfo.InvariantCulture) + "% APR",
        "borrowingPaused" => value >= 0.5 ? "paused" : "open",
        _ => value.ToString("G6", CultureInfo.InvariantCulture),
    };
}
