using Forecaster.Chain.Ingestion;
using Forecaster.Markets;
using Forecaster.Prices;
using Xunit;

namespace Forecaster.Chain.Tests.Node;

/// <summary>Hours valued at the store's hourly prices (forecaster ingest prices), never a later hour's, with a fixed-price fallback.</summary>
public sealed class PoolIngestorPriceTests : NodeTestBase
{
    [Fact]
    public async Task RunAsync_ValuesHoursAtStoredPrices_CarryingTheLatestEarlierOne()
    {
        // 10:00 and 12:00 have prices, 11:00 none, 13:00 (after the last block) one that must not be used.
        await StorePricesAsync((Hour, 50_000), (Hour.AddHours(2), 60_000), (Hour.AddHours(3), 99_000));
        var wbtc = await SupplyAndWithdrawAsync();

        await IngestAsync(); // no --usd-price WBTC: the stored prices are enough

        var hours = await Markets.GetHoursAsync("aave_v3_wbtc", cancellationToken: Ct);
        Assert.Equal([Hour, Hour.AddHours(1), Hour.AddHours(2)], hours.Select(h => h.Hour).ToList());
        Assert.Equal([100_000.0, 100_000.0, 90_000.0], hours.Select(h => h.SuppliedUsd).ToList()); // 2 × 50k, 2 × 50k (11:00 carries 10:00), 1.5 × 60k
        Assert.Equal(new GrossFlows(100_000, 0, 0, 0), hours[0].Flows);
        Assert.Equal(new GrossFlows(0, 30_000, 0, 0), hours[2].Flows);
        Assert.Contains(Log, line => line == "prices: aave_v3_wbtc: 3 hours valued at stored WBTC prices");
        Assert.Contains(Log, line => line.StartsWith("prices: aave_v3_usdc: valued at the fixed price 1 USD (the store has no USDC prices"));
        Assert.NotNull(wbtc);
    }

    [Fact]
    public async Task RunAsync_UsesFixedPriceBeforeTheFirstStoredHour_AndRefusesWithoutOne()
    {
        await StorePricesAsync((Hour.AddHours(1), 50_000), (Hour.AddHours(2), 60_000));
        await SupplyAndWithdrawAsync();

        var ex = await Assert.ThrowsAsync<ForecasterException>(() => IngestAsync());
        Assert.Contains("Reserve WBTC has no stored price at or before hour 2030-01-01 10:00Z (stored from 2030-01-01 11:00Z)", ex.Message);
        Assert.Contains("--usd-price WBTC=PRICE", ex.Message);
        // No hour written at a made-up price (nor any other market's: the hours are written together after valuation).
        await Assert.ThrowsAsync<Forecaster.Pipeline.UnknownMarketException>(() => Markets.GetHoursAsync("aave_v3_wbtc", cancellationToken: Ct));

        var withFixed = Options();
        await IngestAsync(new PoolIngestOptions
        {
            Chain = withFixed.Chain, Pool = withFixed.Pool, FromBlock = withFixed.FromBlock, Confirmations = withFixed.Confirmations,
            UsdPrices = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase) { ["WBTC"] = 40_000 },
        });
        var hours = await Markets.GetHoursAsync("aave_v3_wbtc", cancellationToken: Ct);
        Assert.Equal([80_000.0, 100_000.0, 90_000.0], hours.Select(h => h.SuppliedUsd).ToList());
        Assert.Contains(Log, line => line == "prices: aave_v3_wbtc: 2 hours valued at stored WBTC prices, 1 before the first stored price at the fixed price 40000 USD");
    }

    // 2 WBTC supplied at 10:05, 0.5 withdrawn at 12:10; a USDC reserve too, which the store has no prices for.
    private async Task<string> SupplyAndWithdrawAsync()
    {
        var wbtc = await Pool.AddReserveAsync("WBTC", 8);
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        await Node.SetNextTimestampAsync(Hour.AddMinutes(5));
        await Pool.SupplyAsync(wbtc, 200_000_000, Alice);
        await Pool.SupplyAsync(usdc, 1_000_000, Alice);
        await Node.SetNextTimestampAsync(Hour.AddHours(2).AddMinutes(10));
        await Pool.WithdrawAsync(wbtc, 50_000_000, Alice);
        return wbtc;
    }

    private Task StorePricesAsync(params (DateTimeOffset Hour, double Usd)[] prices) =>
        Markets.UpsertPricesAsync([new PriceBatch("WBTC", prices.Select(p => new PriceHour(p.Hour, p.Usd, p.Hour.AddMinutes(59).ToUnixTimeSeconds())).ToList())], Ct);
}
