using Forecaster.Pipeline;
using Spectre.Console;

namespace Forecaster.Cli;

/// <summary>Prints a brief's summary table and where its files are.</summary>
public static class BriefPrinter
{
    /// <summary>Prints the summary.</summary>
    public static void Print(BriefResult result)
    {
        var table = new Table().AddColumns("Status", "Market", "Utilization", "P(shortfall 24 h)");
        foreach (var e in result.Brief.Entries)
        {
            var a = e.Assessment;
            var status = a is null ? "n/a" : a.Status.ToString().ToUpperInvariant();
            var colour = a?.Status switch { Risk.MarketStatus.Red => "red", Risk.MarketStatus.Amber => "darkorange", Risk.MarketStatus.Green => "green", _ => "grey" };
            table.AddRow($"[{colour}]{status}[/]", Markup.Escape(e.Market.Name + (e.Market.IsSimulated ? " (simulated)" : "")),
                a is null ? "" : $"{a.Current.Utilization:P1}", a is null ? Markup.Escape(e.Problem ?? "") : $"{a.ShortfallProbability24h:P1}");
        }
        AnsiConsole.Write(table);
        Console.WriteLine($"brief as of {result.Brief.AsOf:yyyy-MM-dd HH:mm} UTC: {result.MarkdownPath}");
        Console.WriteLine($"html: {result.HtmlPath}");
        Console.WriteLine($"json: {result.JsonPath}");
    }
}
