using Forecaster.Host.Options;
using Forecaster.Host.Security;
using Forecaster.Jobs;
using Forecaster.Jobs.Ledger;
using Forecaster.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Forecaster.Host;

/// <summary>
/// Runs once at start-up, before the Hangfire server: opens the stores (so a bad connection fails the start, not the
/// first job), logs the effective options with secrets masked, and registers the recurring schedule.
/// </summary>
public sealed class StartupService(IServiceProvider services, ServiceOptions service, StorageOptions storage, JobsOptions jobs, WebhookOptions webhook, ILogger<StartupService> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<IMarketStore>();
        services.GetRequiredService<IStageLedger>();
        // A named pool the store does not hold would leave every brief without holders: fail the start instead.
        await services.GetRequiredService<AccountFlowReader>().CheckAsync(Storage.AccountFlowReaderFactory.Key, cancellationToken);
        logger.LogInformation(
            "Forecaster service: storage {Kind} ({Store}), urls {Urls}, worker-only {WorkerOnly}, workers {Workers}, api key {ApiKey}, " +
            "ingest '{Ingest}', morning '{Morning}', retrain '{Retrain}' in {Zone}, reports {Reports}, webhook {Webhook}, worker name {Worker}, account flows {AccountFlows}",
            storage.Kind, storage.Kind == StorageKind.Postgres ? SecretMask.ConnectionString(storage.ConnectionString) : storage.StorePath,
            service.WorkerOnly ? "(none)" : service.Urls, service.WorkerOnly, service.WorkerCount, SecretMask.Presence(service.ApiKey),
            jobs.IngestCron, jobs.MorningCron, jobs.RetrainCron, jobs.TimeZone, Path.GetFullPath(jobs.ReportsDirectory),
            WebhookOptions.Mask(webhook.Url), jobs.WorkerName, jobs.AccountFlows ?? "(every stored source)");
        if (service.RegisterSchedules && !service.WorkerOnly)
            services.GetRequiredService<PipelineSchedule>().Register();
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
