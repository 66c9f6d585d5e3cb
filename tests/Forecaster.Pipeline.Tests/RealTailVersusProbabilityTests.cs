using Forecaster.Publish.Proposals;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>
/// A proposal that shows a near-zero shortfall probability beside a buffer as large as the deposits says why, with the
/// figures behind it; one whose probability is not near zero does not.
/// </summary>
public sealed class RealTailVersusProbabilityTests
{
    [Fact]
    public async Task Proposal_ExplainsALowProbabilityBesideALargeBuffer_TheDayBeforeTheUsdtRun()
    {
        var (proposal, markdown) = await ProposeAsync("aave_v2_usdt.csv.gz", new DateTimeOffset(2022, 6, 17, 9, 0, 0, TimeSpan.Zero));

        // Measured before this was written: P 0.0 %, coverage 0.33x; the 24 h ES99 is 100 % of deposits filtered and
        // 24.8 % by plain historical simulation, so the text names a 4.0x scaling.
        Assert.True(proposal.Recommendation.ShortfallProbability24h < 0.01);
        Assert.True(proposal.Recommendation.LiquidityCoverage < 1);
        var text = ProposalMarkdownWriter.TailVersusProbabilityText(proposal);
        Assert.NotNull(text);
        Assert.Contains("Why a low probability and a large buffer", text);
        Assert.Contains("4.0x the same tail", text);
        Assert.Contains("(100.0 % of deposits against 24.8 % by plain historical simulation)", text);
        Assert.Contains(text, markdown);
    }

    [Fact]
    public async Task Proposal_SaysNothingMore_WhenTheProbabilityIsNotNearZero()
    {
        // USDC on 2024-11-05 12:00: P(shortfall 24 h) 1.1 % with a gap, so the two figures do not pull apart.
        var (proposal, markdown) = await ProposeAsync("aave_v2_usdc.csv.gz", new DateTimeOffset(2024, 11, 5, 12, 0, 0, TimeSpan.Zero));

        Assert.True(proposal.Recommendation.ShortfallProbability24h >= 0.01);
        Assert.Null(ProposalMarkdownWriter.TailVersusProbabilityText(proposal));
        Assert.DoesNotContain("Why a low probability", markdown);
    }

    private static Task<(GovernanceProposal Proposal, string Markdown)> ProposeAsync(string file, DateTimeOffset asOf) => RealProposal.OfOneFileAsync(file, asOf);
}
