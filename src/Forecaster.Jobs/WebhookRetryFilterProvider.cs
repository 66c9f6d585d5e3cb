using Hangfire;
using Hangfire.Common;

namespace Forecaster.Jobs;

/// <summary>
/// Hangfire's filters, except that webhook deliveries retry as configured (<see cref="WebhookOptions.Attempts"/>) and
/// are then left Failed (visible in the dashboard, requeueable), never deleted.
/// </summary>
public sealed class WebhookRetryFilterProvider(IJobFilterProvider inner, WebhookOptions options) : IJobFilterProvider
{
    private readonly AutomaticRetryAttribute _retry = new()
    {
        Attempts = options.Attempts,
        DelaysInSeconds = WebhookOptions.RetryDelaysInSeconds,
        OnAttemptsExceeded = AttemptsExceededAction.Fail,
    };

    /// <inheritdoc />
    public IEnumerable<JobFilter> GetFilters(Job job)
    {
        var filters = inner.GetFilters(job);
        if (job?.Type != typeof(DeliverWebhookJob)) return filters;
        return filters.Where(f => f.Instance is not AutomaticRetryAttribute).Append(new JobFilter(_retry, JobFilterScope.Method, null));
    }
}
