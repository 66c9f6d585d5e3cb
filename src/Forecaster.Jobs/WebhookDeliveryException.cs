namespace Forecaster.Jobs;

/// <summary>A webhook delivery failed; Hangfire retries the job. The message names the host, never the secret path.</summary>
public sealed class WebhookDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
