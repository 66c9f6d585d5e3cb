using Forecaster.EarlyWarning;

namespace Forecaster.Modeling.Registry;

/// <summary>
/// How a challenger fared against the champion and on what basis (<see cref="ChampionComparer"/>); kept on the
/// challenger's card so the decision can be read later. The rule is always <see cref="ModelMetrics.Beats"/>.
/// </summary>
/// <param name="ChampionVersion">The champion version compared against.</param>
/// <param name="Basis">Whether both were measured on the same hours, or the challenger refreshes the same method, or only card figures were compared.</param>
/// <param name="Challenger">The challenger's figures the rule was applied to.</param>
/// <param name="Champion">The champion's figures the rule was applied to: on <see cref="ComparisonBasis.SameHours"/> its method re-run on the challenger's hours, otherwise its card's.</param>
/// <param name="ChallengerWins">True when the challenger should take the title.</param>
/// <param name="Summary">One line for people: the basis, the figures and the verdict.</param>
/// <param name="HoursFrom">First hour both were evaluated on (same-hours basis only), UTC.</param>
/// <param name="HoursTo">Last such hour, UTC.</param>
/// <param name="Paired">
/// The paired block bootstrap of challenger against champion on those hours: its <c>Model</c> side is the challenger, its
/// <c>Rule</c> side the champion, so each difference is challenger − champion with a 90% interval. Null on other bases
/// or with 0 resamples. Informational: the verdict does not require an interval to exclude 0.
/// </param>
public sealed record ChampionComparison(
    int ChampionVersion,
    ComparisonBasis Basis,
    ModelMetrics Challenger,
    ModelMetrics Champion,
    bool ChallengerWins,
    string Summary,
    DateTimeOffset? HoursFrom = null,
    DateTimeOffset? HoursTo = null,
    WarningComparison? Paired = null);
