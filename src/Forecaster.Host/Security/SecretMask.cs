using Forecaster.Store.Postgres;

namespace Forecaster.Host.Security;

/// <summary>How secrets appear in logs: never their value.</summary>
public static class SecretMask
{
    /// <summary>"set" or "not set".</summary>
    public static string Presence(string? secret) => string.IsNullOrEmpty(secret) ? "not set" : "set (hidden)";

    /// <summary>Host, port and database only.</summary>
    public static string ConnectionString(string? connectionString) =>
        string.IsNullOrWhiteSpace(connectionString) ? "not set" : PostgresMarketStore.Describe(connectionString) + " (credentials hidden)";
}
