namespace Forecaster.Modeling.Registry;

/// <summary>One line of a model's promotion log (<see cref="PromotionLog"/>): what was decided about a version, on what grounds and by what.</summary>
/// <param name="TimeUtc">When it was decided.</param>
/// <param name="Version">The version the decision is about.</param>
/// <param name="Method">That version's method name (<see cref="ModelCard.Method"/>); null when its options are outside the catalog.</param>
/// <param name="ChampionBefore">The champion version before the decision; null when there was none.</param>
/// <param name="ChampionAfter">The champion version after it.</param>
/// <param name="Promoted">True when the version became (or stayed) champion.</param>
/// <param name="Forced">True when promoted with <c>--force</c>, whatever a comparison would have said.</param>
/// <param name="DecidedBy">What decided: train, the retrain job or the promote command.</param>
/// <param name="Verdict">One line for people: the comparison's summary, or why none was made (no champion, forced, ...).</param>
/// <param name="Comparison">The comparison with the champion that decided, with its basis, figures and paired intervals; null when none was needed.</param>
public sealed record PromotionDecision(
    DateTimeOffset TimeUtc,
    int Version,
    string? Method,
    int? ChampionBefore,
    int? ChampionAfter,
    bool Promoted,
    bool Forced,
    PromotionDecider DecidedBy,
    string Verdict,
    ChampionComparison? Comparison);
