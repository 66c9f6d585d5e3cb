using System.Globalization;
using System.Text;
using Forecaster.EarlyWarning;

namespace Forecaster.Modeling.Registry;

/// <summary>Renders a model card as Markdown for people (the JSON is for code).</summary>
public static class ModelCardMarkdown
{
    /// <summary>The card as Markdown.</summary>
    public static string Render(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var m = card.Metrics;
        var d = card.Options.Definition;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {card.Name} v{card.Version}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Trained {card.CreatedUtc:yyyy-MM-dd HH:mm} UTC from code {card.CodeVersion}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Data: {string.Join(", ", card.Markets)}, {card.DataFrom:yyyy-MM-dd HH:mm} to {card.DataTo:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Target: utilization >= {d.ShortfallUtilization} within {d.Horizon.TotalHours} h; alert budget {d.AlertBudget}; alert threshold {card.AlertThreshold?.ToString("0.####", CultureInfo.InvariantCulture) ?? "never"}");
        var o = card.Options.Model;
        var classifier = o.Learner switch
        {
            EarlyWarning.ShortfallLearner.Logistic => $"logistic regression (L2 {o.L2Regularization.ToString(CultureInfo.InvariantCulture)}) on {string.Join(", ", o.LogisticFeatures ?? Features.ShortfallFeatureBuilder.LogisticNames)}, calibrated by its fit",
            EarlyWarning.ShortfallLearner.FirstPassage => "first-passage probability by filtered historical simulation (no fitting; threshold chosen on training hours)",
            _ => $"LightGBM ({o.Trees} trees, {o.Leaves} leaves) + Platt calibration",
        };
        if (o.RankingHorizonHours > 0)
            classifier += $", ranking hours by {(o.RankOnOnsets ? "an episode start" : "a shortfall hour")} within {o.RankingHorizonHours} h, Platt-mapped to the target";
        text.AppendLine(CultureInfo.InvariantCulture, $"- Model: {(card.Method is { } method ? $"method {method}: " : "")}{classifier}; liquidity: LightGBM regression + held-out residual interval ({o.Coverage:P0})");
        text.AppendLine();
        text.AppendLine("## Walk-forward backtest");
        text.AppendLine();
        text.AppendLine("| episodes | recall | median lead (h) | alert share | precision 24h | AUC-PR | Brier skill | MASE 24h | coverage 90 | rule recall | rule AUC-PR |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| {m.Episodes} | {F(m.Recall)} | {F(m.MedianLeadHours)} | {F(m.AlertShare)} | {F(m.Precision24h)} | {F(m.AucPr)} | {F(m.BrierSkill)} | {F(m.Mase24h)} | {F(m.Coverage90)} | {F(m.ThresholdRuleRecall)} | {F(m.ThresholdRuleAucPr)} |");
        if (card.Uncertainty is { } uncertainty)
        {
            text.AppendLine();
            text.AppendLine("## Uncertainty against the threshold rule");
            text.AppendLine();
            text.AppendLine(WarningComparisonText.Heading(uncertainty) + ".");
            text.AppendLine();
            foreach (var line in WarningComparisonText.Markdown(uncertainty)) text.AppendLine(line);
        }
        if (card.AgainstChampion is { } against)
        {
            text.AppendLine();
            foreach (var line in ChampionComparisonText.Markdown(against)) text.AppendLine(line);
        }
        text.AppendLine();
        text.AppendLine("## Features");
        text.AppendLine();
        foreach (var f in card.Features) text.AppendLine(CultureInfo.InvariantCulture, $"- {f}");
        return text.ToString();
    }

    private static string F(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "-";
}
