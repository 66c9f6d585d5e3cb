using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Forecaster.Jobs.Ledger;
using Hangfire;

namespace Forecaster.Jobs;

/// <summary>
/// POSTs the published brief to the webhook as JSON with a Slack-compatible <c>text</c> field. A failed delivery throws,
/// so Hangfire records it as failed (visible in the dashboard) and retries with growing delays; after the last attempt
/// the job stays Failed, never deleted, and can be requeued from the dashboard. Keyed by the as-of hour, and sent with an
/// <c>Idempotency-Key</c> header so a receiver can drop the duplicate that a crash right after delivery would cause.
/// </summary>
public sealed class DeliverWebhookJob(HttpClient http, IStageLedger ledger, StageClock clock, JobsOptions options, WebhookOptions webhook)
{
    // Retries (count from WebhookOptions.Attempts, backoff WebhookOptions.RetryDelaysInSeconds) come from WebhookRetryFilterProvider,
    // since an attribute cannot read configuration. One delivery attempt at a time: the morning join may enqueue a duplicate delivery when two markets finish together,
    // and serialising attempts lets the duplicate see the ledger's delivery record instead of posting the brief again.
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task RunAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (!webhook.IsConfigured) return;
        if (await ledger.GetAsync(PipelineStages.Webhook, "brief", asOf, cancellationToken) is not null) return;
        var published = await ledger.GetAsync(PipelineStages.Publish, "brief", asOf, cancellationToken)
            ?? throw new ForecasterException($"No brief is published for {asOf:yyyy-MM-dd HH:mm} UTC: nothing to deliver.");
        var info = JsonNode.Parse(published.Payload)!;
        var brief = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(options.ReportsDirectory, (string)info["json"]!), cancellationToken));
        var text = $"Forecaster brief as of {asOf:yyyy-MM-dd HH:mm} UTC: {info["red"]} red, {info["amber"]} amber, {info["green"]} green of {info["markets"]} markets"
                   + ((bool)info["simulatedData"]! ? " (SIMULATED data)" : "") + ".";

        var startedAt = clock.Now;
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = JsonContent.Create(new { text, asOf, brief }) };
        request.Headers.Add("Idempotency-Key", $"forecaster-brief-{asOf.ToUnixTimeSeconds()}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(webhook.Timeout);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new WebhookDeliveryException($"Webhook {WebhookOptions.Mask(webhook.Url)} unreachable: {e.GetType().Name}", e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw new WebhookDeliveryException($"Webhook {WebhookOptions.Mask(webhook.Url)} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
        await ledger.TryRecordAsync(clock.Record(PipelineStages.Webhook, "brief", asOf, startedAt,
            JsonSerializer.Serialize(new { delivered = true, to = WebhookOptions.Mask(webhook.Url) })), cancellationToken);
    }
}
