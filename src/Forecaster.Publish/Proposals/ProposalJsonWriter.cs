using System.Text.Json;

namespace Forecaster.Publish.Proposals;

/// <summary>
/// The machine payload of a proposal: per parameter, <c>market</c>, <c>parameter</c>, <c>current</c>, <c>recommended</c>,
/// <c>bound</c>, <c>rationale</c> (plus <c>requested</c>, <c>updatesToRequested</c>, <c>daysToRequested</c> and <c>expectedEffect</c>); <c>current</c> is null when unknown. The Markdown's specification table
/// is made from the same list, so the two cannot disagree.
/// </summary>
public static class ProposalJsonWriter
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The payload as JSON.</summary>
    public static string ToJson(GovernanceProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var r = proposal.Recommendation;
        return JsonSerializer.Serialize(new
        {
            title = proposal.Title,
            market = proposal.Risk.Market.Name,
            asOf = proposal.Risk.AsOf,
            profile = r.Target.Appetite.ToString().ToLowerInvariant(),
            simulated = proposal.Risk.Market.IsSimulated,
            parametersAssumed = r.Parameters.Assumed,
            rateCurve = new
            {
                source = r.Parameters.RateCurve is null ? "assumed" : "estimated",
                optimalUtilization = r.Parameters.OptimalUtilization,
                slope1Pct = r.Parameters.RateCurve?.Slope1Pct,
                slope2Pct = r.Parameters.Slope2Pct,
                estimatedFrom = r.Parameters.RateCurve?.From,
                estimatedTo = r.Parameters.RateCurve?.To,
                note = ProposalMarkdownWriter.RateCurveText(r.Parameters),
            },
            reserveFactor = new
            {
                source = r.Parameters.ReserveFactorEstimate is null ? "assumed" : "estimated",
                value = r.Parameters.ReserveFactor,
                interquartileRange = r.Parameters.ReserveFactorEstimate?.InterquartileRange,
                hours = r.Parameters.ReserveFactorEstimate?.Hours,
                estimatedFrom = r.Parameters.ReserveFactorEstimate?.From,
                estimatedTo = r.Parameters.ReserveFactorEstimate?.To,
                note = ProposalMarkdownWriter.ReserveFactorText(r.Parameters),
            },
            notes = r.Notes,
            targetBufferUsd = r.Target.TargetBufferUsd,
            availableUsd = r.Target.AvailableUsd,
            gapUsd = r.Target.GapUsd,
            shortfallProbability24h = r.ShortfallProbability24h,
            probabilityMethod = proposal.Method,
            // The Motivation's tail figures and the Rationale's table and chart, so the payload states every number the post does.
            es99Outflow24hUsd = r.Target.Es99Outflow24hUsd,
            // How the target was built, as the Rationale's first sentence states it.
            targetBasis = new
            {
                scenarioHorizonHours = r.Target.ScenarioHorizon.TotalHours,
                worstScenarioOutflowUsd = r.Target.WorstScenarioOutflowUsd,
                profileScenarioWeight = r.Target.ProfileScenarioWeight,
                scenarioWeight = r.Target.ScenarioWeight,
                margin = r.Target.Margin,
                optimalUtilization = r.Target.OptimalUtilization,
                ownStress = r.Target.OwnStress,
                peerStress = new
                {
                    value = r.Target.PeerStress.Stress,
                    peerMarket = r.Target.PeerStress.Peer,
                    peerHour = r.Target.PeerStress.PeerHour,
                    peerUtilization = r.Target.PeerStress.PeerUtilization,
                    peerOptimalUtilization = r.Target.PeerStress.PeerOptimalUtilization,
                    binds = r.Target.PeerStressBinds,
                },
            },
            liquidityCoverage = Finite(r.LiquidityCoverage),
            outflowRisk = proposal.Risk.Outflows.Select(o => new
            {
                horizonHours = o.Horizon.TotalHours,
                method = o.Method.ToString(),
                var95 = o.Var95,
                es95 = o.Es95,
                var99 = o.Var99,
                es99 = o.Es99,
            }),
            chart = proposal.ChartFile,
            depositorConcentration = proposal.Holders is { } h ? new
            {
                holders = h.Holders,
                top1Share = h.Top1Share,
                top5Share = h.Top5Share,
                top10Share = h.Top10Share,
                hhi = Finite(h.Hhi),
                unmatchedWithdrawals = h.UnmatchedWithdrawals,
                unmatchedTransfers = h.UnmatchedTransfers,
            } : null,
            worstEpisodes = proposal.Stress.Select(s => new
            {
                episode = s.Scenario.Name,
                start = s.Scenario.Start,
                sourceMarket = s.Scenario.SourceMarket,
                sourceDepositsUsd = s.Scenario.SourceDepositsUsd,
                depositOutflowShare = s.Scenario.DepositOutflowShare,
                utilizationJump = s.Scenario.UtilizationJump,
                horizonHours = s.Scenario.Horizon.TotalHours,
                weighedInTarget = Recommend.ReserveTargetPolicy.Weighs(s.Scenario, r.Target.ScenarioHorizon),
                withdrawalDemandUsd = s.WithdrawalDemandUsd,
                shortfallUsd = s.ShortfallUsd,
            }),
            heldByDelay = r.Held.Select(h => new { market = h.Market, parameter = h.Parameter, current = Finite(h.Current), requested = h.Requested, bound = h.Bound }),
            correlatedStress = proposal.Correlated is { } cs ? new
            {
                correlations = cs.Markets.Where(m => m != proposal.Risk.Market.Name)
                    .ToDictionary(m => m, m => Finite(cs.CorrelationOf(proposal.Risk.Market.Name, m))),
                worstJointDays = cs.WorstJointDays.Select(d => new { day = d.Day, totalOutflowShare = d.TotalOutflowShare, outflowShare = d.OutflowShare }),
                depeg = cs.Depeg is { } d ? new { symbol = d.Symbol, trough = d.Trough, troughPriceUsd = d.TroughPriceUsd, windowStart = d.WindowStart, windowEnd = d.WindowEnd, outflowShare = d.OutflowShare } : null,
            } : null,
            trackRecord = proposal.TrackRecord is { } tr ? TrackRecordJson(tr, proposal.Risk.Market.Name) : null,
            changes = r.Changes.Select(c => new
            {
                market = c.Market,
                parameter = c.Parameter,
                current = Finite(c.Current),
                recommended = c.Recommended,
                requested = c.Requested,
                updatesToRequested = c.UpdatesToRequested,
                daysToRequested = c.TimeToRequested?.TotalDays,
                bound = c.Bound,
                rationale = c.Rationale,
                expectedEffect = c.ExpectedEffect,
            }),
        }, Options);
    }

    // The Markdown's track record: this market's tally and misses, the tally over all markets.
    private static object TrackRecordJson(TrackRecord record, string market)
    {
        object Tally(TrackRecordTally t) => new
        {
            episodes = t.Episodes,
            leads = t.Leads.Select(l => new { hoursBefore = l.HoursBefore, judged = l.Judged, covered = l.Covered, flatRuleCovered = l.FlatRuleCovered, skipped = l.Skipped }),
        };
        return new
        {
            asOf = record.AsOf,
            source = "forecaster replay",
            flatRuleShare = record.FlatRuleShare,
            market = Tally(record.Tally(market)),
            uncovered = record.Misses(market).Select(e => new
            {
                start = e.Start,
                hoursBefore = e.HoursBefore,
                depositsUsd = e.DepositsUsd,
                bufferUsd = e.BufferUsd,
                outflowUsd = e.OutflowUsd,
                flatRuleCovered = e.FlatRuleCovered,
            }),
            skipped = record.SkippedOf(market).Select(s => new { start = s.Start, hoursBefore = s.HoursBefore, reason = s.Reason }),
            allMarkets = Tally(record.Tally(null)),
            markets = record.Markets,
        };
    }

    // JSON has no NaN: an unknown correlation or current value (e.g. a borrow cap the data does not hold) is null.
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
