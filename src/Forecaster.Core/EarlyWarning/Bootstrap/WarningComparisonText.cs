using System.Globalization;

namespace Forecaster.EarlyWarning;

/// <summary>Renders a <see cref="WarningComparison"/> for people: one table, as aligned text or as Markdown.</summary>
public static class WarningComparisonText
{
    /// <summary>A heading line saying how the intervals were made.</summary>
    public static string Heading(WarningComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return string.Create(CultureInfo.InvariantCulture,
            $"paired block bootstrap: {comparison.Resamples} resamples of {comparison.Blocks} blocks ({(comparison.BlockSpansMarkets ? "all markets" : "one market")} x {comparison.BlockLength.TotalDays:0.##} days), seed {comparison.Seed}, 90% percentile intervals");
    }

    /// <summary>The heading and the table as aligned plain-text lines.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="model">Name of the first side in the column heads.</param>
    /// <param name="rule">Name of the second side (another model when two models were compared).</param>
    public static IEnumerable<string> Lines(WarningComparison comparison, string model = "model", string rule = "rule")
    {
        yield return Heading(comparison);
        var rows = Rows(comparison).Prepend(Header(model, rule)).ToArray();
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length) + 2).ToArray();
        foreach (var row in rows) yield return string.Concat(row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd();
    }

    /// <summary>The table as Markdown lines (no heading).</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="model">Name of the first side in the column heads.</param>
    /// <param name="rule">Name of the second side (another model when two models were compared).</param>
    public static IEnumerable<string> Markdown(WarningComparison comparison, string model = "model", string rule = "rule")
    {
        var header = Header(model, rule);
        yield return "| " + string.Join(" | ", header) + " |";
        yield return "|" + string.Concat(Enumerable.Repeat("---|", header.Length));
        foreach (var row in Rows(comparison)) yield return "| " + string.Join(" | ", row) + " |";
    }

    private static string[] Header(string model, string rule) => ["measure", $"{model} [90%]", $"{rule} [90%]", $"{model} - {rule} [90%]", $"{model} wins"];

    private static IEnumerable<string[]> Rows(WarningComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        foreach (var (name, m) in comparison.Measures())
            yield return [name, Cell(m.Model, m.ModelInterval), Cell(m.Rule, m.RuleInterval), Cell(m.Difference, m.DifferenceInterval), F(m.ModelBeatsShare, "0.00")];
    }

    private static string Cell(double value, BootstrapInterval interval) => $"{F(value)} [{F(interval.Lower)}, {F(interval.Upper)}]";

    private static string F(double value, string format = "0.###") => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "-";
}
