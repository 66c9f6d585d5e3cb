namespace Forecaster.Jobs.Ledger;

/// <summary>Stage names as stored in the ledger. Stored data: never rename.</summary>
public static class PipelineStages
{
    public const string Ingest = "ingest";
    public const string FanOut = "fanout";
    public const string Scenarios = "scenarios";
    public const string TrackRecord = "track-record";
    public const string Forecast = "forecast";
    public const string Recommend = "recommend";
    public const string PublishScheduled = "publish-scheduled";
    public const string Publish = "publish";
    public const string Webhook = "webhook";
    public const string Retrain = "retrain";
}
