using System.Globalization;
using System.Text.Json;
using Forecaster.Markets;
using Forecaster.Publish.Proposals;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>
/// Proposals on the shared files, read as a governance forum reads them: every claim matches its numbers, every figure
/// the Markdown states is in the JSON too, and no sentence points at something the proposal does not hold.
/// </summary>
public sealed class RealProposalReadingTests
{
    private static readonly DateTimeOffset DayBeforeUsdtRun = new(2022, 6, 17, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task UsdtProposal_TheDayBeforeItsRun_ReadsAsItsNumbersSay()
    {
        var (proposal, markdown, json) = await RealProposal.WithJsonAsync("aave_v2_usdt.csv.gz", DayBeforeUsdtRun);
        var r = proposal.Recommendation;

        // Measured before the fix: the reserve factor "would take 50.0 %" to close a $368M gap that 50 % closes about
        // 0.3 % of in 91 days, and the path text said reaching 50 % closes the gap.
        var reserveFactor = r.Changes.Single(c => c.Parameter == "reserveFactor");
        Assert.Contains("above the 50 % ceiling", reserveFactor.Rationale);
        Assert.Contains("so this lever alone cannot close it", reserveFactor.Rationale);
        Assert.DoesNotContain("closes the gap only over that time", markdown);
        // The bound column said the per-update step twice ("at most 50 % per update, ...; capped at 50 % per update").
        foreach (var line in markdown.Split('\n').Where(l => l.StartsWith("| aave_v2_usdt |", StringComparison.Ordinal)))
            Assert.True(line.Split("per update").Length <= 2, line);
        // Both the rate curve and the reserve factor are read from the rates, and aave-v2 has no caps: nothing is marked
        // assumed, so no paragraph may tell the reader to check values "marked as assumed" or a borrow cap.
        Assert.NotNull(r.Parameters.RateCurve);
        Assert.NotNull(r.Parameters.ReserveFactorEstimate);
        Assert.DoesNotContain("assumed", markdown[markdown.IndexOf("## Specification", StringComparison.Ordinal)..markdown.IndexOf("## Rationale", StringComparison.Ordinal)]);
        Assert.DoesNotContain("borrow cap marked", markdown);
        // borrowingPaused is not in the specification, so the note must not say it is "proposed here".
        Assert.DoesNotContain(r.Changes, c => c.Parameter == "borrowingPaused");
        Assert.Contains("at 0.0 % it is not proposed now", markdown);
        Assert.DoesNotContain("proposed here", markdown);

        // The JSON states the Motivation's ES99 and coverage and names the chart the Markdown shows.
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(r.Target.Es99Outflow24hUsd, root.GetProperty("es99Outflow24hUsd").GetDouble());
        Assert.Contains($"averages {UsdText.Compact(root.GetProperty("es99Outflow24hUsd").GetDouble())} (ES99, 24 h", markdown);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"liquidity coverage is {root.GetProperty("liquidityCoverage").GetDouble():0.00}x"), markdown);
        Assert.Equal("aave_v2_usdt-utilization.png", root.GetProperty("chart").GetString());
        Assert.Contains("](aave_v2_usdt-utilization.png)", markdown);
        Assert.Equal(proposal.Method, root.GetProperty("probabilityMethod").GetString());
        var outflows = root.GetProperty("outflowRisk").EnumerateArray().ToList();
        Assert.Equal(proposal.Risk.Outflows.Count, outflows.Count);
        foreach (var (o, e) in proposal.Risk.Outflows.Zip(outflows))
        {
            Assert.Equal(o.Horizon.TotalHours, e.GetProperty("horizonHours").GetDouble());
            Assert.Equal(o.Es99, e.GetProperty("es99").GetDouble());
        }
    }

    [Fact]
    public async Task UsdcProposal_NamesOnlyTheValuesThatAreAssumed()
    {
        // USDC on 2024-11-05 12:00: no kink readable from its rates (assumed curve), the reserve factor read from them.
        var (proposal, markdown, _) = await RealProposal.WithJsonAsync("aave_v2_usdc.csv.gz", new DateTimeOffset(2024, 11, 5, 12, 0, 0, TimeSpan.Zero));

        Assert.Null(proposal.Recommendation.Parameters.RateCurve);
        Assert.NotNull(proposal.Recommendation.Parameters.ReserveFactorEstimate);
        Assert.Contains("Assumed, not read from the data (Aave-like defaults): the rate curve's kink and slope2. Check them against the protocol before voting.", markdown);
        Assert.DoesNotContain("borrow cap", ProposalMarkdownWriter.AssumedText(proposal.Recommendation.Parameters, proposal.Risk.Market.Protocol));
    }
}
