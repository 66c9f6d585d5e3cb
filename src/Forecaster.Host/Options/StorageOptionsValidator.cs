using Microsoft.Extensions.Options;

namespace Forecaster.Host.Options;

/// <summary>Checks <see cref="StorageOptions"/> at start-up; messages name the key and the allowed range, never the secret.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StorageOptions o)
    {
        var errors = new List<string>();
        const string S = StorageOptions.SectionName;
        if (!Enum.IsDefined(o.Kind)) errors.Add($"{S}:Kind must be inmemory or postgres.");
        if (o.Kind == StorageKind.Postgres && string.IsNullOrWhiteSpace(o.ConnectionString))
            errors.Add($"{S}:ConnectionString is required when {S}:Kind is postgres (or pass --connection).");
        if (o.Kind == StorageKind.InMemory && string.IsNullOrWhiteSpace(o.StorePath))
            errors.Add($"{S}:StorePath must name the embedded store file when {S}:Kind is inmemory.");
        if (o.InvisibilityTimeout < TimeSpan.FromSeconds(5) || o.InvisibilityTimeout > TimeSpan.FromDays(1))
            errors.Add($"{S}:InvisibilityTimeout must be in [00:00:05, 1.00:00:00] (was {o.InvisibilityTimeout}).");
        if (o.QueuePollInterval < TimeSpan.FromMilliseconds(100) || o.QueuePollInterval > TimeSpan.FromMinutes(1))
            errors.Add($"{S}:QueuePollInterval must be in [00:00:00.1, 00:01:00] (was {o.QueuePollInterval}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
