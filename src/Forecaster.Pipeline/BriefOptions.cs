namespace Forecaster.Pipeline;

/// <summary>Options of <see cref="BriefService"/>.</summary>
public sealed record BriefOptions
{
    /// <summary>Defaults shared by the CLI and the jobs.</summary>
    public static class Defaults
    {
        /// <summary>Folder under which each brief gets a dated folder.</summary>
        public const string OutputDirectory = "reports";

        /// <summary>Days of history drawn in each market's chart.</summary>
        public const int ChartDays = 90;

        /// <summary>Days of past shortfall probability in the probability chart and the heat map.</summary>
        public const int TrendDays = 30;

        /// <summary>Days of hourly flows in the flow decomposition chart.</summary>
        public const int FlowDays = 7;

        /// <summary>Days of history before the forecast in the fan chart.</summary>
        public const int FanHistoryDays = 14;
    }

    /// <summary>Folder under which the brief is written to <c>&lt;date&gt;/</c>.</summary>
    public string OutputDirectory { get; init; } = Defaults.OutputDirectory;

    /// <summary>As-of hour (UTC); null means the latest hour in the store. Data after it is never read.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>Days of history drawn in each chart, in [1, 3650].</summary>
    public int ChartDays { get; init; } = Defaults.ChartDays;

    /// <summary>Days of past shortfall probability drawn (probability chart, heat map), in [1, 365].</summary>
    public int TrendDays { get; init; } = Defaults.TrendDays;

    /// <summary>Days of hourly flows drawn, in [1, 60].</summary>
    public int FlowDays { get; init; } = Defaults.FlowDays;

    /// <summary>Days of history before the forecast in the fan chart, in [1, 365].</summary>
    public int FanHistoryDays { get; init; } = Defaults.FanHistoryDays;
}
