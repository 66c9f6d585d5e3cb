using Forecaster.Risk;

namespace Forecaster.Publish.Brief;

/// <summary>Something that changed for one market since the previous brief.</summary>
/// <param name="Market">The market's name.</param>
/// <param name="Description">What changed, one line with before and after values.</param>
/// <param name="Worse">True when the change raises risk (status up, probability up, market new in red...).</param>
/// <param name="StatusBefore">Status in the previous brief, or null when the market was not assessed there.</param>
/// <param name="StatusNow">Status now, or null when the market is not assessed now.</param>
public sealed record BriefChange(string Market, string Description, bool Worse, MarketStatus? StatusBefore, MarketStatus? StatusNow);
