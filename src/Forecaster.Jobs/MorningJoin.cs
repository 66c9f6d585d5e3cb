using System.Text.Json;
using Forecaster.Jobs.Ledger;
using Hangfire;

namespace Forecaster.Jobs;

/// <summary>
/// Joins the per-market fan-out (Hangfire's free edition has no batches): when every market of an as-of hour has a
/// recommend record, enqueues the publish job and, as its continuation, the webhook delivery. Two markets finishing
/// together may both enqueue; the publish job is idempotent, so there is still one brief.
/// </summary>
public sealed class MorningJoin(IStageLedger ledger, StageClock clock, IBackgroundJobClient jobs, WebhookOptions webhook)
{
    /// <summary>Enqueues publishing if the as-of hour is complete and publishing is not scheduled yet.</summary>
    public async Task MarketDoneAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (await ledger.GetAsync(PipelineStages.PublishScheduled, "brief", asOf, cancellationToken) is not null) return;
        var fanOut = await ledger.GetAsync(PipelineStages.FanOut, "markets", asOf, cancellationToken);
        if (fanOut is null) return;
        var expected = JsonSerializer.Deserialize<string[]>(fanOut.Payload)!.Length;
        var done = (await ledger.ListAsync(PipelineStages.Recommend, asOf, cancellationToken)).Count;
        if (done < expected) return;

        var startedAt = clock.Now;
        // Enqueue first, record after: a crash in between costs a duplicate (harmless), never a lost brief.
        var publish = jobs.Enqueue<PublishBriefJob>(j => j.RunAsync(asOf, CancellationToken.None));
        if (webhook.IsConfigured)
            jobs.ContinueJobWith<DeliverWebhookJob>(publish, j => j.RunAsync(asOf, CancellationToken.None));
        await ledger.TryRecordAsync(clock.Record(PipelineStages.PublishScheduled, "brief", asOf, startedAt, JsonSerializer.Serialize(new { publishJob = publish })), cancellationToken);
    }
}
