namespace Forecaster.Publish.Brief;

/// <summary>
/// An action the recommender proposes for a market, shown in the brief's "Recommended actions" section and in the
/// market's own section. Nothing produces these yet (issue 5); the brief says so rather than inventing one.
/// </summary>
/// <param name="Market">The market's name.</param>
/// <param name="Action">What to do, one line, e.g. "Raise the reserve factor to 20%".</param>
/// <param name="Rationale">Why, one or two sentences with the numbers behind it.</param>
/// <param name="ProposalUrl">Link to the governance proposal or draft, or null when none exists.</param>
/// <param name="Source">Which component proposed it.</param>
public sealed record RecommendedAction(string Market, string Action, string Rationale, string? ProposalUrl, string Source);
