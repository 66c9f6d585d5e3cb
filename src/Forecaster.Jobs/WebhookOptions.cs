namespace Forecaster.Jobs;

/// <summary>Where the brief is POSTed after publishing, bound from <see cref="SectionName"/>. The URL is a secret (Slack URLs carry the token).</summary>
public sealed class WebhookOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Forecaster:Webhook";

    /// <summary>Defaults.</summary>
    public static class Defaults
    {
        /// <summary>Time one delivery attempt may take.</summary>
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

        /// <summary>Retries after the first failed delivery: with <see cref="RetryDelaysInSeconds"/> about 3 h of outage.</summary>
        public const int Attempts = 10;
    }

    /// <summary>Wait before each retry: 1 s, 5 s, 30 s, then minutes to an hour; retries past the list wait its last entry.</summary>
    public static readonly int[] RetryDelaysInSeconds = [1, 5, 30, 60, 300, 600, 1800, 3600, 3600, 3600];

    /// <summary>Largest <see cref="Attempts"/> accepted.</summary>
    public const int MaxAttempts = 20;

    /// <summary>Absolute http(s) URL; null or empty: no webhook.</summary>
    public string? Url { get; set; }

    /// <summary>Time one delivery attempt may take, in [1 s, 5 min].</summary>
    public TimeSpan Timeout { get; set; } = Defaults.Timeout;

    /// <summary>Retries after a failed delivery before the job is left Failed in the dashboard, in [0, <see cref="MaxAttempts"/>].</summary>
    public int Attempts { get; set; } = Defaults.Attempts;

    /// <summary>True when a URL is set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);

    /// <summary>The URL with its path and query hidden, for logs and errors.</summary>
    public static string Mask(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) ? $"{u.Scheme}://{u.Authority}/***" : "(not set)";
}
