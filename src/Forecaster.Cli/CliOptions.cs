using System.CommandLine;
using System.Globalization;
using Forecaster.Store.DuckDb;

namespace Forecaster.Cli;

/// <summary>Options several commands share, built fresh for each command (System.CommandLine options have one parent).</summary>
public static class CliOptions
{
    /// <summary><c>--store PATH</c>: the embedded store file.</summary>
    public static Option<string> Store() => new("--store")
    {
        Description = $"Market data store (DuckDB file); default {DuckDbMarketStore.DefaultPath}",
        DefaultValueFactory = _ => DuckDbMarketStore.DefaultPath,
    };

    /// <summary><c>--out DIR</c>: where reports go.</summary>
    public static Option<string> Out() => new("--out")
    {
        Description = "Folder for reports; each run writes a dated subfolder. Default: reports",
        DefaultValueFactory = _ => Pipeline.BriefOptions.Defaults.OutputDirectory,
    };

    /// <summary>Parses a UTC time option, naming the option on failure; null stays null.</summary>
    /// <exception cref="ForecasterException">The text is not a time.</exception>
    public static DateTimeOffset? ParseUtc(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
            throw new ForecasterException($"{option}: '{text}' is not a UTC time (use e.g. 2022-06-18T09:00Z).");
        return value;
    }
}
