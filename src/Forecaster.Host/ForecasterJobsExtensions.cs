using Forecaster.Host.Options;
using Forecaster.Jobs;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Forecaster.Host;

/// <summary>The jobs, their options, the Hangfire server and the start-up checks.</summary>
public static class ForecasterJobsExtensions
{
    /// <summary>Registers jobs and the Hangfire server of this process.</summary>
    public static IHostApplicationBuilder AddForecasterJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ServiceOptions>().BindConfiguration(ServiceOptions.SectionName).ValidateOnStart();
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName).ValidateOnStart();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServiceOptions>, ServiceOptionsValidator>();
        services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();
        services.AddSingleton<IValidateOptions<WebhookOptions>, JobsOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ServiceOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<JobsOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<WebhookOptions>>().Value);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<StageClock>();
        services.AddSingleton(sp => Storage.AccountFlowReaderFactory.Open(sp.GetRequiredService<Pipeline.IMarketStore>(), sp.GetRequiredService<JobsOptions>()));

        services.AddTransient<StartMorningJob>();
        services.AddTransient<IngestMarketsJob>();
        services.AddTransient<FanOutMarketsJob>();
        services.AddTransient<StressScenarios>();
        services.AddTransient<TrackRecords>();
        services.AddTransient<ForecastMarketJob>();
        services.AddTransient<RecommendMarketJob>();
        services.AddTransient<MorningJoin>();
        services.AddTransient<PublishBriefJob>();
        services.AddTransient<RetrainModelsJob>();
        services.AddTransient<PipelineSchedule>();
        // The client's default request logging prints the URL's path, which is the webhook's secret (Slack's token).
        services.AddHttpClient<DeliverWebhookJob>().RemoveAllLoggers();
        // Registered after AddHangfire's default, so the job factory, performer, state changer and server all use it.
        services.AddSingleton<Hangfire.Common.IJobFilterProvider>(sp => new WebhookRetryFilterProvider(Hangfire.Common.JobFilterProviders.Providers, sp.GetRequiredService<WebhookOptions>()));

        // Before the Hangfire server: options are validated and the stores opened before any job can run.
        services.AddHostedService<StartupService>();
        services.AddHangfireServer((sp, o) =>
        {
            var service = sp.GetRequiredService<ServiceOptions>();
            o.WorkerCount = service.WorkerCount;
            o.SchedulePollingInterval = service.SchedulePollingInterval;
            o.ServerName = sp.GetRequiredService<JobsOptions>().WorkerName;
        });
        return builder;
    }
}
