namespace Forecaster.Host.Options;

/// <summary>The service process, bound from <see cref="SectionName"/>.</summary>
public sealed class ServiceOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Forecaster:Service";

    /// <summary>Defaults (the CLI's <c>serve</c> reuses them).</summary>
    public static class Defaults
    {
        /// <summary>Loopback only: nobody else can reach an unauthenticated service.</summary>
        public const string Urls = "http://127.0.0.1:5080";

        /// <summary>Hangfire workers per process: the stages are CPU-bound and the machine may have 2 cores.</summary>
        public const int WorkerCount = 2;

        /// <summary>How often the server moves due retries and scheduled jobs to the queue.</summary>
        public static readonly TimeSpan SchedulePollingInterval = TimeSpan.FromSeconds(5);
    }

    /// <summary>Semicolon-separated URLs Kestrel listens on.</summary>
    public string Urls { get; set; } = Defaults.Urls;

    /// <summary>Key the API, dashboard and reports require; mandatory when <see cref="Urls"/> leaves loopback. A secret: never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Run only the Hangfire server: no HTTP endpoints, no schedule registration.</summary>
    public bool WorkerOnly { get; set; }

    /// <summary>Hangfire workers in this process, in [1, 64].</summary>
    public int WorkerCount { get; set; } = Defaults.WorkerCount;

    /// <summary>See <see cref="Defaults.SchedulePollingInterval"/>; in [100 ms, 1 min].</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = Defaults.SchedulePollingInterval;

    /// <summary>Register the recurring schedules at start-up (an upsert, so every API process may do it).</summary>
    public bool RegisterSchedules { get; set; } = true;
}
