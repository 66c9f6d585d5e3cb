using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Chain.Tests.Store;

/// <summary>A fresh DuckDB flow store file per test, in a folder removed afterwards.</summary>
public abstract class FlowStoreTestBase : IAsyncLifetime
{
    protected const string Chain = "ethereum";
    protected const string Pool = "0x87870bca3f3fd6335c3f4ce8392d69350b4fa4e2";

    protected TempDirectory Folder { get; } = new("forecaster-flowstore");

    protected DuckDbFlowEventStore Store { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        Store = DuckDbFlowEventStore.Open(Folder.File("flows.duckdb"));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Folder.Dispose();
    }

    /// <summary>A 32-byte hash whose value is <paramref name="n"/>.</summary>
    protected static string H(long n) => "0x" + n.ToString("x").PadLeft(64, '0');
}
