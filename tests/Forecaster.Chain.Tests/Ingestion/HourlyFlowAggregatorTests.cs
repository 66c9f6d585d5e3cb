using System.Numerics;
using Forecaster.Chain.Aave;
using Forecaster.Chain.Abi;
using Forecaster.Chain.Ingestion;
using Forecaster.Flows;
using Forecaster.Markets;
using Forecaster.Pipeline;
using Xunit;

namespace Forecaster.Chain.Tests.Ingestion;

/// <summary>Opening balances turned into scaled balances, with and without the opening block's indexes.</summary>
public sealed class HourlyFlowAggregatorTests
{
    private const string Usdc = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48";
    private const string Pool = "0x87870bca3f3fd6335c3f4ce8392d69350b4fa4e2";
    private static readonly DateTimeOffset Opened = new(2030, 1, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly BigInteger Ray = RayMath.Ray;
    private static readonly IReadOnlyDictionary<string, ReserveInfo> Reserves =
        new Dictionary<string, ReserveInfo> { [Usdc] = new(Usdc, "USDC", 6, "aave_v3_usdc", 1.0) };

    [Fact]
    public void Aggregate_GrowsOpeningWithTheIndex_FromTheOpeningBlocksIndex()
    {
        // Opened at index 1.0; an hour later the index is 1.1: the opening's 100 USDC earned 10.
        var opening = new ReserveOpening(Balance(100m), new ReserveIndexes(Ray, Ray, 0, 0, Opened.ToUnixTimeSeconds()), Opened.ToUnixTimeSeconds());
        var notes = new List<string>();

        var final = Aggregate(opening, notes);

        Assert.Equal(110m, final.SuppliedAt(Opened.AddHours(1).ToUnixTimeSeconds()));
        Assert.Empty(notes);
    }

    [Fact]
    public void Aggregate_ConvertsOpeningAtTheFirstUpdate_WhenTheOpeningIndexesAreUnknown()
    {
        // Without the opening block's indexes the 100 USDC are taken at the first update's index: the interest before it is
        // missed (reconciliation shows it), but nothing is scaled at a wrong index (taking 1.0 would show 110).
        var notes = new List<string>();

        var final = Aggregate(new ReserveOpening(Balance(100m), null, Opened.ToUnixTimeSeconds()), notes);

        Assert.Equal(100m, final.SuppliedAt(Opened.AddHours(1).ToUnixTimeSeconds()));
        Assert.Contains("aave_v3_usdc: no indexes at opening block 9; the opening balances take the first rate update's index", notes);
    }

    [Fact]
    public void Aggregate_GivesEachHoursDepositsInRawTokenUnits_AsTheSnapshotFilesCountThem()
    {
        var opening = new ReserveOpening(Balance(100m), new ReserveIndexes(Ray, Ray, 0, 0, Opened.ToUnixTimeSeconds()), Opened.ToUnixTimeSeconds());

        var hours = AggregateHours(opening, []);

        // The walk's one hour ends at the update: the opening's 100 USDC grown to 110 by the index, 6 decimals.
        Assert.Equal([110e6], hours.Select(h => h.SuppliedTokens));
        Assert.All(hours, h => Assert.Equal(h.SuppliedUsd, h.SuppliedTokens / 1e6, 9));
    }

    private static ReserveState Aggregate(ReserveOpening opening, List<string> notes) => Run(opening, notes).Final[Usdc];

    private static IReadOnlyList<MarketHour> AggregateHours(ReserveOpening opening, List<string> notes) =>
        Run(opening, notes).Batches.Single().Hours;

    private static (IReadOnlyList<MarketBatch> Batches, IReadOnlyDictionary<string, ReserveState> Final) Run(ReserveOpening opening, List<string> notes)
    {
        var at = Opened.AddHours(1);
        var update = new ChainLog("ethereum", 10, "0xb10", "0x7a", 0, at, Pool,
            [AaveV3PoolEvents.ReserveDataUpdated, "0x" + Usdc[2..].PadLeft(64, '0')],
            Hex.Parse(Word(0) + Word(0) + Word(0) + Word(Ray * 11 / 10) + Word(Ray)));
        return HourlyFlowAggregator.Aggregate([new PoolLog(update, null)], [opening], Reserves, "ethereum", Pool, 10, at, notes.Add);
    }

    private static ReserveBalance Balance(decimal supplied) => new("ethereum", Pool, Usdc, 9, supplied, 0m);

    private static string Word(BigInteger v) => v.ToString("x").TrimStart('0').PadLeft(64, '0');
}
