using Forecaster.Host.Security;
using Microsoft.Extensions.Options;

namespace Forecaster.Host.Options;

/// <summary>Checks <see cref="ServiceOptions"/> at start-up; messages name the key and the allowed range.</summary>
public sealed class ServiceOptionsValidator : IValidateOptions<ServiceOptions>
{
    /// <summary>Shortest API key accepted: guessing must be impractical.</summary>
    public const int MinApiKeyLength = 16;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ServiceOptions o)
    {
        var errors = new List<string>();
        const string S = ServiceOptions.SectionName;
        if (o.WorkerCount is < 1 or > 64) errors.Add($"{S}:WorkerCount must be in [1, 64] (was {o.WorkerCount}).");
        if (o.SchedulePollingInterval < TimeSpan.FromMilliseconds(100) || o.SchedulePollingInterval > TimeSpan.FromMinutes(1))
            errors.Add($"{S}:SchedulePollingInterval must be in [00:00:00.1, 00:01:00] (was {o.SchedulePollingInterval}).");
        if (!o.WorkerOnly)
        {
            var urls = Loopback.SplitUrls(o.Urls);
            if (urls.Count == 0) errors.Add($"{S}:Urls must list at least one http(s) URL.");
            foreach (var url in urls)
            {
                if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https"))
                    errors.Add($"{S}:Urls: '{url}' is not an http(s) URL.");
            }
            var offLoopback = urls.FirstOrDefault(u => !Loopback.IsLoopbackUrl(u));
            if (offLoopback is not null && string.IsNullOrEmpty(o.ApiKey))
                errors.Add($"{S}:ApiKey is required when {S}:Urls binds beyond loopback ({offLoopback}): set it (at least {MinApiKeyLength} characters) or bind to 127.0.0.1.");
        }
        if (!string.IsNullOrEmpty(o.ApiKey) && o.ApiKey.Length < MinApiKeyLength)
            errors.Add($"{S}:ApiKey must be at least {MinApiKeyLength} characters (was {o.ApiKey.Length}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
