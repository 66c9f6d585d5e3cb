using Forecaster.Host.Options;
using Forecaster.Host.Storage;
using Forecaster.Jobs.Ledger;
using Forecaster.Pipeline;
using Forecaster.Store.Postgres;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Forecaster.Host;

/// <summary>Storage: Hangfire's job storage, the market store and the stage ledger, all InMemory/DuckDB or all PostgreSQL.</summary>
public static class ForecasterStorageExtensions
{
    /// <summary>Binds and validates <see cref="StorageOptions"/> and registers the stores.</summary>
    public static IHostApplicationBuilder AddForecasterStorage(this IHostApplicationBuilder builder)
    {
        // A value the binder cannot convert would fail with the type's name; say what is allowed instead.
        var kind = builder.Configuration[$"{StorageOptions.SectionName}:Kind"];
        if (kind is not null && !Enum.TryParse<StorageKind>(kind, ignoreCase: true, out _))
            throw new OptionsValidationException(StorageOptions.SectionName, typeof(StorageOptions), [$"{StorageOptions.SectionName}:Kind '{kind}' must be inmemory or postgres."]);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value);

        // Opened once per process; a store that cannot be opened fails start-up (StartupService resolves it first).
        builder.Services.AddSingleton<IMarketStore>(sp => MarketStoreFactory.OpenAsync(sp.GetRequiredService<StorageOptions>()).GetAwaiter().GetResult());
        builder.Services.AddSingleton<IStageLedger>(sp =>
        {
            if (sp.GetRequiredService<StorageOptions>().Kind != StorageKind.Postgres) return new InMemoryStageLedger();
            var ledger = new PostgresStageLedger(((PostgresMarketStore)sp.GetRequiredService<IMarketStore>()).DataSource);
            ledger.EnsureAsync().GetAwaiter().GetResult();
            return ledger;
        });

        builder.Services.AddHangfire((sp, config) =>
        {
            var storage = sp.GetRequiredService<StorageOptions>();
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (storage.Kind == StorageKind.Postgres)
            {
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(storage.ConnectionString), new PostgreSqlStorageOptions
                {
                    PrepareSchemaIfNecessary = true,
                    // A worker that dies stops its heartbeat; after this timeout another worker takes the job over.
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = storage.InvisibilityTimeout,
                    QueuePollInterval = storage.QueuePollInterval,
                });
            }
            else
            {
                config.UseInMemoryStorage();
            }
        });
        return builder;
    }
}
