using Forecaster.Jobs;
using Microsoft.Extensions.Options;

namespace Forecaster.Host.Options;

/// <summary>Checks <see cref="JobsOptions"/> and <see cref="WebhookOptions"/> at start-up; messages name the key and the allowed range.</summary>
public sealed class JobsOptionsValidator : IValidateOptions<JobsOptions>, IValidateOptions<WebhookOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, JobsOptions o)
    {
        var errors = new List<string>();
        const string S = JobsOptions.SectionName;
        foreach (var (key, cron) in new[] { ("IngestCron", o.IngestCron), ("MorningCron", o.MorningCron), ("RetrainCron", o.RetrainCron) })
        {
            // Shape only: Hangfire parses the expression itself when the schedule is registered, and that error names the key too.
            if (string.IsNullOrWhiteSpace(cron) || cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is not (5 or 6))
                errors.Add($"{S}:{key} '{cron}' is not a cron expression of 5 fields (minute hour day month weekday).");
        }
        try { TimeZoneInfo.FindSystemTimeZoneById(o.TimeZone); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        { errors.Add($"{S}:TimeZone '{o.TimeZone}' is not a known time-zone id (e.g. UTC, Europe/Zurich)."); }
        if (o.SimulatedMarkets is < 1 or > 1000) errors.Add($"{S}:SimulatedMarkets must be in [1, 1000] (was {o.SimulatedMarkets}).");
        if (string.IsNullOrWhiteSpace(o.ReportsDirectory)) errors.Add($"{S}:ReportsDirectory must not be empty.");
        if (string.IsNullOrWhiteSpace(o.ModelsDirectory)) errors.Add($"{S}:ModelsDirectory must not be empty.");
        try { Modeling.EarlyWarning.EarlyWarningMethods.Find(o.RetrainMethod ?? ""); }
        catch (Modeling.EarlyWarning.UnknownMethodException e) { errors.Add($"{S}:RetrainMethod: {e.Message}"); }
        if (o.AccountFlows is { } pool)
        {
            try { Pipeline.AccountFlowPool.Parse(pool, $"{S}:AccountFlows"); }
            catch (ForecasterException e) { errors.Add(e.Message); }
        }
        if (string.IsNullOrWhiteSpace(o.WorkerName)) errors.Add($"{S}:WorkerName must not be empty.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WebhookOptions o)
    {
        var errors = new List<string>();
        const string S = WebhookOptions.SectionName;
        if (o.IsConfigured && (!Uri.TryCreate(o.Url, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https")))
            errors.Add($"{S}:Url must be an absolute http(s) URL.");
        if (o.Timeout < TimeSpan.FromSeconds(1) || o.Timeout > TimeSpan.FromMinutes(5))
            errors.Add($"{S}:Timeout must be in [00:00:01, 00:05:00] (was {o.Timeout}).");
        if (o.Attempts is < 0 or > WebhookOptions.MaxAttempts)
            errors.Add($"{S}:Attempts must be in [0, {WebhookOptions.MaxAttempts}] (was {o.Attempts}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
