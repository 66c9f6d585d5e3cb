using System.Globalization;
using System.Text;
using Forecaster.Risk.Liquidity;
using Forecaster.Risk.Stress;

namespace Forecaster.Publish.Proposals;

/// <summary>The correlated-stress part of a proposal's Motivation: co-movement, worst joint days and the depeg, replayed on this market.</summary>
internal static class CorrelatedStressMarkdown
{
    private const int MostCorrelated = 5;

    public static void Write(StringBuilder md, CorrelatedStress stress, LiquidityRiskReport risk)
    {
        void Line(string text = "") => md.AppendLine(text);
        string Usd(double v) => Brief.BriefMarkdownWriter.Usd(v);
        var name = risk.Market.Name;
        var others = stress.Markets.Where(m => m != name).ToList();
        if (others.Count == 0) return;

        var self = stress.Markets.ToList().IndexOf(name);
        if (self < 0) return;
        // A forum post shows the markets that move most with this one; the JSON payload holds every correlation.
        var closest = Enumerable.Range(0, stress.Markets.Count).Where(j => j != self)
            .OrderByDescending(j => double.IsNaN(stress.Correlation[self][j]) ? double.NegativeInfinity : stress.Correlation[self][j]).Take(MostCorrelated).ToList();
        Line($"Deposit outflows move together across the store's markets (daily 24 h outflows up to the as-of hour; Pearson correlation with {name}" +
             (others.Count > closest.Count ? $", the {closest.Count} most correlated of {others.Count}):" : "):"));
        Line();
        Line("| Market | Correlation | Days |");
        Line("|---|---:|---:|");
        foreach (var j in closest)
            Line(string.Create(CultureInfo.InvariantCulture, $"| {stress.Markets[j]} | {Correlation(stress.Correlation[self][j])} | {stress.PairedDays[self][j]} |"));
        Line();
        if (stress.WorstJointDays.Count > 0)
        {
            Line($"Worst days for all markets together, with {name}'s own outflow that day replayed on today's state:");
            Line();
            Line($"| Day | All markets | {name} | Withdrawal demand today | Shortfall today |");
            Line("|---|---:|---:|---:|---:|");
            foreach (var d in stress.WorstJointDays)
            {
                var own = d.OutflowShare.TryGetValue(name, out var s) ? s : double.NaN;
                var outcome = double.IsNaN(own) ? null : CorrelatedStressAnalyzer.Replay(risk.Current, "worst joint day", d.Day, TimeSpan.FromDays(1), name, own);
                Line(string.Create(CultureInfo.InvariantCulture,
                    $"| {d.Day:yyyy-MM-dd} | {d.TotalOutflowShare:P1} | {(double.IsNaN(own) ? "no data" : own.ToString("P1", CultureInfo.InvariantCulture))} | {(outcome is null ? "-" : Usd(outcome.WithdrawalDemandUsd))} | {(outcome is null ? "-" : Usd(outcome.ShortfallUsd))} |"));
            }
            Line();
        }
        if (stress.Depeg is { } depeg)
        {
            var moves = string.Join(", ", depeg.OutflowShare.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:P1}")));
            var text = string.Create(CultureInfo.InvariantCulture,
                $"Deepest stablecoin depeg in the stored prices: {depeg.Symbol} at ${depeg.TroughPriceUsd:0.000} (3-hour median) on {depeg.Trough:yyyy-MM-dd HH:mm} UTC. Deposit outflows from a day before to a day after it: {(moves.Length > 0 ? moves : "no market has data then")}.");
            if (depeg.OutflowShare.TryGetValue(name, out var share))
            {
                var outcome = CorrelatedStressAnalyzer.Replay(risk.Current, $"{depeg.Symbol} depeg", depeg.WindowStart, depeg.WindowEnd - depeg.WindowStart, name, share);
                text += $" Replayed jointly on today's state, {name} would face {Usd(outcome.WithdrawalDemandUsd)} of withdrawals and a shortfall of {Usd(outcome.ShortfallUsd)}.";
            }
            Line(text);
            Line();
        }
    }

    private static string Correlation(double value) => double.IsNaN(value) ? "too few days" : value.ToString("0.00", CultureInfo.InvariantCulture);
}
