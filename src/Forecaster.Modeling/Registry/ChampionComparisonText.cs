using System.Globalization;
using Forecaster.EarlyWarning;

namespace Forecaster.Modeling.Registry;

/// <summary>Renders a <see cref="ChampionComparison"/> for people: plain lines for progress and the CLI, Markdown for the card.</summary>
public static class ChampionComparisonText
{
    private const string Challenger = "challenger";

    /// <summary>The summary, then the paired bootstrap table (challenger − champion) when there is one.</summary>
    public static IEnumerable<string> Lines(ChampionComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        yield return comparison.Summary;
        if (comparison.Paired is { } paired)
            foreach (var line in WarningComparisonText.Lines(paired, Challenger, Champion(comparison))) yield return line;
    }

    /// <summary>The card's section: a heading naming the basis, the summary, and the paired table when there is one.</summary>
    public static IEnumerable<string> Markdown(ChampionComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        yield return comparison.Basis switch
        {
            ComparisonBasis.SameHours => $"## Against the champion v{comparison.ChampionVersion} on the same hours",
            ComparisonBasis.SameMethod => $"## Against the champion v{comparison.ChampionVersion}: the same method refit",
            _ => $"## Against the champion v{comparison.ChampionVersion} (card figures, not the same hours)",
        };
        yield return "";
        yield return comparison.Summary + ".";
        if (comparison.Paired is not { } paired) yield break;
        yield return "";
        yield return WarningComparisonText.Heading(paired) + ".";
        yield return "";
        foreach (var line in WarningComparisonText.Markdown(paired, Challenger, Champion(comparison))) yield return line;
    }

    private static string Champion(ChampionComparison comparison) => string.Create(CultureInfo.InvariantCulture, $"champion v{comparison.ChampionVersion}");
}
