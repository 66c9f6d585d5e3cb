using Forecaster.Publish.Proposals;
using Forecaster.Recommend;

namespace Forecaster.Pipeline;

/// <summary>One market's outcome of <see cref="ProposalService.ProposeAsync"/>.</summary>
/// <param name="Market">The market.</param>
/// <param name="Recommendation">Its recommendation, or null when it could not be assessed.</param>
/// <param name="Proposal">The proposal written because it needs action, or null.</param>
/// <param name="MarkdownPath">Where the proposal's Markdown is, or null.</param>
/// <param name="Skipped">Why it could not be assessed, or null.</param>
public sealed record MarketProposalResult(string Market, MarketRecommendation? Recommendation, GovernanceProposal? Proposal, string? MarkdownPath, string? Skipped);
