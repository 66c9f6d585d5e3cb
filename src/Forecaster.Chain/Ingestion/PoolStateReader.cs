using System.Text;
using Forecaster.Chain.Abi;
using Forecaster.Chain.Aave;
using Forecaster.Chain.Rpc;
using Forecaster.Flows;

namespace Forecaster.Chain.Ingestion;

/// <summary>
/// Reads a pool's and its tokens' state through <c>eth_call</c>: token symbol and decimals, the reserve list, and a reserve's
/// totals (aToken and debt token total supplies named by <c>getReserveData</c>, whose first 15 words keep Aave v3.0's
/// layout in every v3 release).
/// </summary>
public sealed class PoolStateReader(JsonRpcClient rpc, string chain, string pool)
{
    private const int LiquidityIndexWord = 1, LiquidityRateWord = 2, VariableBorrowIndexWord = 3, VariableBorrowRateWord = 4, LastUpdateWord = 6;
    private const int ATokenWord = 8, StableDebtWord = 9, VariableDebtWord = 10;

    /// <summary>Symbol (upper case) and decimals of a token.</summary>
    /// <exception cref="ChainRpcException">The token does not answer <c>symbol()</c> or <c>decimals()</c>.</exception>
    public async Task<(string Symbol, int Decimals)> GetTokenAsync(string token, long block, CancellationToken cancellationToken)
    {
        var decimalsData = await rpc.EthCallAsync(token, AbiEncoder.Selector("decimals()"), block, cancellationToken).ConfigureAwait(false);
        var symbolData = await rpc.EthCallAsync(token, AbiEncoder.Selector("symbol()"), block, cancellationToken).ConfigureAwait(false);
        try
        {
            var decimals = (int)AbiReader.ReadUInt64(decimalsData, 0);
            if (decimals > 77) throw new AbiDecodingException($"decimals {decimals} is out of range");
            return (ReadSymbol(symbolData).ToUpperInvariant(), decimals);
        }
        catch (AbiDecodingException ex)
        {
            throw new ChainRpcException($"Token {token} on {chain} answered symbol()/decimals() unreadably: {ex.Message}", ex);
        }
    }

    /// <summary>The pool's reserve assets at a block (<c>getReservesList()</c>).</summary>
    public async Task<IReadOnlyList<string>> GetReservesAsync(long block, CancellationToken cancellationToken)
    {
        var data = await rpc.EthCallAsync(pool, AbiEncoder.Selector("getReservesList()"), block, cancellationToken).ConfigureAwait(false);
        return AbiReader.ReadAddressArray(data);
    }

    /// <summary>A reserve's indexes, rates and token addresses at a block (<c>getReserveData</c>).</summary>
    public async Task<ReserveData> GetReserveDataAsync(string asset, long block, CancellationToken cancellationToken)
    {
        var data = await rpc.EthCallAsync(pool, AbiEncoder.CallWithAddress("getReserveData(address)", asset), block, cancellationToken).ConfigureAwait(false);
        var indexes = new ReserveIndexes(
            AbiReader.ReadUInt256(data, LiquidityIndexWord), AbiReader.ReadUInt256(data, VariableBorrowIndexWord),
            AbiReader.ReadUInt256(data, LiquidityRateWord), AbiReader.ReadUInt256(data, VariableBorrowRateWord),
            (long)AbiReader.ReadUInt64(data, LastUpdateWord));
        return new ReserveData(indexes, AbiReader.ReadAddress(data, ATokenWord), AbiReader.ReadAddress(data, StableDebtWord),
            AbiReader.ReadAddress(data, VariableDebtWord));
    }

    /// <summary>A reserve's totals at a block in whole tokens: aToken supply, and variable plus stable debt token supply.</summary>
    public async Task<ReserveBalance> GetBalanceAsync(string asset, int decimals, long block, CancellationToken cancellationToken)
    {
        var data = await GetReserveDataAsync(asset, block, cancellationToken).ConfigureAwait(false);
        var supplied = await TotalSupplyAsync(data.AToken, block, cancellationToken).ConfigureAwait(false);
        var borrowed = await TotalSupplyAsync(data.VariableDebtToken, block, cancellationToken).ConfigureAwait(false);
        // v3.2+ retired stable debt; its token address is then zero.
        if (data.StableDebtToken != "0x0000000000000000000000000000000000000000")
            borrowed += await TotalSupplyAsync(data.StableDebtToken, block, cancellationToken).ConfigureAwait(false);
        return new ReserveBalance(chain, pool, asset, block, TokenUnits.ToTokens(supplied, decimals), TokenUnits.ToTokens(borrowed, decimals));
    }

    private async Task<System.Numerics.BigInteger> TotalSupplyAsync(string token, long block, CancellationToken cancellationToken) =>
        AbiReader.ReadUInt256(await rpc.EthCallAsync(token, AbiEncoder.Selector("totalSupply()"), block, cancellationToken).ConfigureAwait(false), 0);

    // symbol() returns a dynamic string in most tokens and bytes32 in a few old ones (e.g. MKR); read both.
    private static string ReadSymbol(byte[] data)
    {
        if (data.Length == 32) return Encoding.UTF8.GetString(data).TrimEnd('\0');
        var offset = (int)AbiReader.ReadUInt64(data, 0);
        var length = (int)AbiReader.ReadUInt64(data, offset / 32);
        if (offset + 32 + length > data.Length) throw new AbiDecodingException("symbol string runs past the data");
        return Encoding.UTF8.GetString(data, offset + 32, length);
    }
}
