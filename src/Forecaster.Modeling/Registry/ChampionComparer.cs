using System.Globalization;
using System.Text.Json;
using Forecaster.EarlyWarning;
using Forecaster.Modeling.EarlyWarning;
using Forecaster.Modeling.Features;

namespace Forecaster.Modeling.Registry;

/// <summary>
/// Compares a challenger with the champion on the same hours. Each card's figures come from a walk-forward over that
/// model's own data window, so comparing them would set this week's hours (maybe holding a hard crisis) against older,
/// possibly easier ones. Instead: a refresh of the champion's own method wins outright (its backtest IS that method's on
/// today's data); any other challenger is measured against the champion's method re-run on the challenger's data.
/// </summary>
public static class ChampionComparer
{
    private const string UnknownCode = "unknown";

    /// <summary>
    /// True when both cards describe one method: equal backtest and model options, the same feature set and the same
    /// known code version (an unknown version could be any code, so it never counts as the same).
    /// </summary>
    public static bool IsSameMethod(ModelCard challenger, ModelCard champion)
    {
        ArgumentNullException.ThrowIfNull(challenger);
        ArgumentNullException.ThrowIfNull(champion);
        return challenger.CodeVersion != UnknownCode && challenger.CodeVersion == champion.CodeVersion && SameOptions(challenger, champion);
    }

    /// <summary>Compares the challenger with the champion on the challenger's data (see the class remarks).</summary>
    /// <param name="challenger">The challenger's card (its version may still be 0 before it is saved).</param>
    /// <param name="champion">The champion's card.</param>
    /// <param name="markets">The data the challenger was backtested on; null when there is none, which falls back to card figures.</param>
    /// <param name="challengerBacktest">The challenger's walk-forward on <paramref name="markets"/> when in hand; re-run from its card's options when null.</param>
    /// <param name="progress">Fold-by-fold progress of the re-runs.</param>
    /// <param name="cancellationToken">Cancels a re-run.</param>
    public static ChampionComparison Compare(
        ModelCard challenger, ModelCard champion, IReadOnlyList<MarketHistory>? markets, BacktestResult? challengerBacktest = null,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(challenger);
        ArgumentNullException.ThrowIfNull(champion);
        if (IsSameMethod(challenger, champion)) return Refresh(challenger, champion);
        var withHours = markets?.Where(m => m.Hours.Count > 0).ToArray() ?? [];
        if (withHours.Length == 0) return ByCardFigures(challenger, champion, "no data given to re-run the champion's method on; models promote --store PATH gives it");
        var championOptions = OnChallengerHours(champion.Options, challenger.Options);
        if (Unbuildable(champion, championOptions) is { } why)
            return ByCardFigures(challenger, champion, $"this code cannot rebuild champion v{champion.Version}'s method ({why})");
        progress?.Report($"re-running champion v{champion.Version}'s method walk-forward on the challenger's hours");
        BacktestResult championBacktest;
        try { championBacktest = EarlyWarningBacktest.WalkForward(withHours, championOptions, progress, cancellationToken); }
        catch (InsufficientTrainingDataException e)
        {
            return ByCardFigures(challenger, champion, $"champion v{champion.Version}'s method cannot be fit on the challenger's data ({e.Message})");
        }
        challengerBacktest ??= EarlyWarningBacktest.WalkForward(withHours, challenger.Options with { Bootstrap = NoBootstrap }, progress, cancellationToken);
        return SameHours(challenger, champion, challengerBacktest, championBacktest, withHours.Length);
    }

    /// <summary>The fallback: the rule applied to the two cards' own figures, saying why and whether their data windows differ.</summary>
    /// <param name="challenger">The challenger's card.</param>
    /// <param name="champion">The champion's card.</param>
    /// <param name="reason">Why no same-hours comparison was made, e.g. "no data given".</param>
    public static ChampionComparison ByCardFigures(ModelCard challenger, ModelCard champion, string reason)
    {
        ArgumentNullException.ThrowIfNull(challenger);
        ArgumentNullException.ThrowIfNull(champion);
        var wins = challenger.Metrics.Beats(champion.Metrics);
        var windows = Window(challenger) == Window(champion)
            ? $"the same data window {Window(challenger)}"
            : $"DIFFERENT data windows ({Window(challenger)} vs {Window(champion)}), so different hours";
        var summary = $"the challenger {Verdict(wins, champion.Version)} on card figures from {windows}: {Figures(challenger.Metrics, champion.Metrics)} " +
            $"(fallback to card figures: {reason})";
        return new ChampionComparison(champion.Version, ComparisonBasis.CardFigures, challenger.Metrics, champion.Metrics, wins, summary);
    }

    private static readonly BootstrapOptions NoBootstrap = new() { Resamples = 0 };

    private static ChampionComparison Refresh(ModelCard challenger, ModelCard champion)
    {
        // Refit on data ending earlier, the same method has nothing new to add: keep the champion. On the same window it is
        // the same fit again, so taking over changes nothing.
        var newer = challenger.DataTo >= champion.DataTo;
        var summary = $"same method as champion v{champion.Version} (equal options, code {Short(challenger.CodeVersion)}), " +
            $"{(challenger.DataTo > champion.DataTo ? "newer" : newer ? "same" : "OLDER")} data window {Window(challenger)} (champion {Window(champion)}): " +
            (newer
                ? "its walk-forward is the champion method's on today's data, so it cannot lose to it; it takes over"
                : "an older window of the same method has nothing to add; the champion stays") +
            $" (card figures {Figures(challenger.Metrics, champion.Metrics)})";
        return new ChampionComparison(champion.Version, ComparisonBasis.SameMethod, challenger.Metrics, champion.Metrics, newer, summary);
    }

    private static ChampionComparison SameHours(ModelCard challenger, ModelCard champion, BacktestResult challengerBacktest, BacktestResult championBacktest, int markets)
    {
        var mine = ModelMetrics.From(challengerBacktest);
        var theirs = ModelMetrics.From(championBacktest);
        // Equal options whose re-run gives the challenger's very results are the same method, shown by running it (its code
        // version could not say so, e.g. a build without .git): a refresh, which would otherwise tie and be refused forever.
        var refresh = SameOptions(challenger, champion) && mine == theirs && challenger.DataTo >= champion.DataTo;
        var wins = refresh || mine.Beats(theirs);
        var bootstrap = challenger.Options.Bootstrap;
        var paired = bootstrap.Resamples > 0
            ? WarningBootstrap.Compare(challengerBacktest.ModelScores, championBacktest.ModelScores, challengerBacktest.Model, championBacktest.Model, bootstrap)
            : null;
        var from = challengerBacktest.FirstEvaluated;
        var to = challengerBacktest.LastEvaluated;
        var hours = string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd HH:mm}..{to:yyyy-MM-dd HH:mm} UTC, {markets} market(s)");
        var summary = $"on the same hours ({hours}) the challenger {(refresh ? $"matches champion v{champion.Version}" : Verdict(wins, champion.Version))}'s method re-run there: " +
            $"{Figures(mine, theirs)} (champion's own card, window {Window(champion)}: AUC-PR {F(champion.Metrics.AucPr)}, recall {F(champion.Metrics.Recall)})" +
            (SameQuestion(challenger.Options, champion.Options) ? "" : "; the challenger's target definition and burn-in were applied to both") +
            (refresh ? "; equal options and equal results there: a refresh of the champion's method on data ending no earlier, so it takes over" : "");
        return new ChampionComparison(champion.Version, ComparisonBasis.SameHours, mine, theirs, wins, summary, from, to, paired);
    }

    /// <summary>
    /// The champion's method (model options, refit cadence) asked the challenger's question (target definition, alert
    /// budget) on the challenger's evaluated hours (burn-in), so both are scored against the same labels on the same hours.
    /// Its own bootstrap against the rule is skipped: only the paired one against the challenger is reported.
    /// </summary>
    private static BacktestOptions OnChallengerHours(BacktestOptions champion, BacktestOptions challenger) =>
        champion with { Definition = challenger.Definition, BurnIn = challenger.BurnIn, Bootstrap = NoBootstrap };

    // Compared as JSON because the options hold lists, which records compare by reference; the card stores this form.
    private static bool SameOptions(ModelCard a, ModelCard b) =>
        a.Features.SequenceEqual(b.Features) && JsonSerializer.Serialize(a.Options) == JsonSerializer.Serialize(b.Options);

    private static bool SameQuestion(BacktestOptions a, BacktestOptions b) => a.Definition == b.Definition && a.BurnIn == b.BurnIn;

    // Why this code cannot rebuild the champion's method, or null when it can: options outside today's ranges, or features
    // the card lists that today's feature builder no longer makes.
    private static string? Unbuildable(ModelCard champion, BacktestOptions options)
    {
        var missing = champion.Features.Except(ShortfallFeatureBuilder.Names).ToArray();
        if (missing.Length > 0) return $"features no longer built: {string.Join(", ", missing)}";
        try
        {
            options.Validate();
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    private static string Verdict(bool wins, int champion) => wins ? $"beats champion v{champion}" : $"does not beat champion v{champion}";

    private static string Figures(ModelMetrics challenger, ModelMetrics champion) =>
        $"AUC-PR {F(challenger.AucPr)} vs {F(champion.AucPr)}, recall {F(challenger.Recall)} vs {F(champion.Recall)}";

    private static string Window(ModelCard card) => string.Create(CultureInfo.InvariantCulture, $"{card.DataFrom:yyyy-MM-dd HH:mm}..{card.DataTo:yyyy-MM-dd HH:mm}");

    private static string Short(string code) => code[..Math.Min(8, code.Length)];

    private static string F(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "-";
}
