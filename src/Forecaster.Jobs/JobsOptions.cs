namespace Forecaster.Jobs;

/// <summary>Options of the scheduled pipelines, bound from <see cref="SectionName"/>.</summary>
public sealed class JobsOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Forecaster:Jobs";

    /// <summary>Defaults shared by the service and the CLI.</summary>
    public static class Defaults
    {
        /// <summary>Ingest at minute 5 of every hour (snapshots for the hour just ended are in by then).</summary>
        public const string IngestCron = "5 * * * *";

        /// <summary>The morning brief at 06:00.</summary>
        public const string MorningCron = "0 6 * * *";

        /// <summary>Retraining on Sundays at 03:00.</summary>
        public const string RetrainCron = "0 3 * * 0";

        /// <summary>Time zone the cron expressions are read in.</summary>
        public const string TimeZone = "UTC";

        /// <summary>Markets simulated into an empty store when no ingest folder is configured.</summary>
        public const int SimulatedMarkets = 6;
    }

    /// <summary>Cron of the recurring ingest (5 fields).</summary>
    public string IngestCron { get; set; } = Defaults.IngestCron;

    /// <summary>Cron of the morning pipeline: ingest, forecast, recommend, publish.</summary>
    public string MorningCron { get; set; } = Defaults.MorningCron;

    /// <summary>Cron of the weekly retraining.</summary>
    public string RetrainCron { get; set; } = Defaults.RetrainCron;

    /// <summary>IANA or Windows time-zone id the crons are read in.</summary>
    public string TimeZone { get; set; } = Defaults.TimeZone;

    /// <summary>Folder the brief is written to (a dated subfolder per as-of day); served under /reports.</summary>
    public string ReportsDirectory { get; set; } = Pipeline.BriefOptions.Defaults.OutputDirectory;

    /// <summary>Model registry folder the weekly retraining trains into (as <c>forecaster train --models</c>).</summary>
    public string ModelsDirectory { get; set; } = Modeling.Registry.ModelRegistry.DefaultRoot;

    /// <summary>The early-warning method the weekly retraining fits (as <c>forecaster train --method</c>), one of <see cref="Modeling.EarlyWarning.EarlyWarningMethods.All"/>.</summary>
    public string RetrainMethod { get; set; } = Modeling.EarlyWarning.EarlyWarningMethods.DefaultName;

    /// <summary>Folder whose snapshot files (CSV, CSV.gz, Parquet) the ingest stage reads; null: none (simulate into an empty store).</summary>
    public string? IngestDirectory { get; set; }

    /// <summary>Markets the ingest stage simulates into an empty store when there is no ingest folder, in [1, 1000].</summary>
    public int SimulatedMarkets { get; set; } = Defaults.SimulatedMarkets;

    /// <summary>
    /// CHAIN:POOL whose stored logs tell who holds each market's deposits (as <c>--account-flows</c>); null: for each market,
    /// whichever stored source holds its Supply/Withdraw events. Only the DuckDB store holds chain logs.
    /// </summary>
    public string? AccountFlows { get; set; }

    /// <summary>Name this worker records in the ledger; default machine name and process id.</summary>
    public string WorkerName { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}
