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
    }

    /// <summary>Absolute http(s) URL; null or empty: no webhook.</summary>
    public string? Url { get; set; }

    /// <summary>Time one delivery attempt may take, in [1 s, 5 min].</summary>
    public TimeSpan Timeout { get; set; } = Defaults.Timeout;

    /// <summary>True when a URL is set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);

    /// <summary>The URL with its path and query hidden, for logs and errors.</summary>
    public static string Mask(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) ? $"{u.Scheme}://{u.Authority}/***" : "(not set)";
}
