namespace Forecaster.Jobs.Ledger;

/// <summary>
/// The one result of one pipeline stage for one key (a market, or "brief") at one as-of hour. The ledger keeps at most one
/// record per (Stage, Key, AsOf): that is what makes a job idempotent however often Hangfire runs it.
/// </summary>
/// <param name="Stage">Stage name, one of <see cref="PipelineStages"/>.</param>
/// <param name="Key">What the stage computed: a market name, or "brief".</param>
/// <param name="AsOf">The as-of hour (UTC) the result is for.</param>
/// <param name="StartedAt">When the run that produced it started.</param>
/// <param name="CompletedAt">When it finished.</param>
/// <param name="Worker">The worker process that produced it.</param>
/// <param name="Payload">The result as JSON (what the API serves).</param>
public sealed record StageRecord(string Stage, string Key, DateTimeOffset AsOf, DateTimeOffset StartedAt, DateTimeOffset CompletedAt, string Worker, string Payload);
