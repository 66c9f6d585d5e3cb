using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using Forecaster.Chain.Abi;

namespace Forecaster.Chain.Tests.Node;

/// <summary>The deployed test pool (Contracts/MockAaveV3Pool.sol), driven by transactions from anvil's unlocked first account.</summary>
public sealed class MockPoolContract
{
    private readonly AnvilNode _node;

    private MockPoolContract(AnvilNode node, string address, string sender)
    {
        _node = node;
        Address = address;
        Sender = sender;
    }

    public string Address { get; }

    /// <summary>The account sending every transaction (the caller / liquidator / repayer in events).</summary>
    public string Sender { get; }

    public static async Task<MockPoolContract> DeployAsync(AnvilNode node)
    {
        var bytecode = (await SolidityCompiler.MockPoolAsync())["MockAaveV3Pool"];
        var sender = await node.FirstAccountAsync();
        var receipt = await SendAsync(node, sender, null, bytecode);
        return new MockPoolContract(node, receipt["contractAddress"]!.GetValue<string>().ToLowerInvariant(), sender);
    }

    public async Task<string> AddReserveAsync(string symbol, int decimals)
    {
        var before = await ReservesAsync();
        var bytes = Encoding.UTF8.GetBytes(symbol);
        var padded = new byte[(bytes.Length + 31) / 32 * 32];
        bytes.CopyTo(padded, 0);
        var data = AbiEncoder.Selector("addReserve(string,uint8)") + W(64) + W(decimals) + W(bytes.Length) + Convert.ToHexStringLower(padded);
        await SendAsync(_node, Sender, Address, data);
        return (await ReservesAsync()).Except(before).Single();
    }

    public async Task<IReadOnlyList<string>> ReservesAsync()
    {
        var latest = await _node.Rpc.GetBlockNumberAsync();
        return AbiReader.ReadAddressArray(await _node.Rpc.EthCallAsync(Address, AbiEncoder.Selector("getReservesList()"), latest));
    }

    public Task<JsonObject> SupplyAsync(string asset, BigInteger amount, string onBehalfOf, int referral = 0) =>
        Call("supply(address,uint256,address,uint16)", W(asset), W(amount), W(onBehalfOf), W(referral));

    public Task<JsonObject> WithdrawAsync(string asset, BigInteger amount, string to) =>
        Call("withdraw(address,uint256,address)", W(asset), W(amount), W(to));

    public Task<JsonObject> BorrowAsync(string asset, BigInteger amount, string onBehalfOf) =>
        Call("borrow(address,uint256,address,uint16)", W(asset), W(amount), W(onBehalfOf), W(0));

    /// <summary>Repays <paramref name="onBehalfOf"/>'s debt; with <paramref name="useATokens"/>, by burning the sender's aTokens.</summary>
    public Task<JsonObject> RepayAsync(string asset, BigInteger amount, string onBehalfOf, bool useATokens) =>
        Call("repay(address,uint256,address,bool)", W(asset), W(amount), W(onBehalfOf), W(useATokens ? 1 : 0));

    /// <summary>
    /// Liquidates <paramref name="user"/>: the collateral burned (its underlying paid out) or, with <paramref name="receiveAToken"/>,
    /// moved to the sender as aTokens; a <paramref name="protocolFee"/> moves that much more of the user's aTokens to <paramref name="treasury"/>.
    /// </summary>
    public Task<JsonObject> LiquidateAsync(string collateral, string debt, string user, BigInteger debtToCover, BigInteger collateralAmount,
        bool receiveAToken = false, string treasury = "0x0000000000000000000000000000000000000000", BigInteger protocolFee = default) =>
        Call("liquidationCall(address,address,address,uint256,uint256,bool,address,uint256)", W(collateral), W(debt), W(user), W(debtToCover), W(collateralAmount),
            W(receiveAToken ? 1 : 0), W(treasury), W(protocolFee));

    public Task<JsonObject> FlashLoanAsync(string receiver, string asset, BigInteger amount) =>
        Call("flashLoanSimple(address,address,uint256,uint16)", W(receiver), W(asset), W(amount), W(0));

    /// <summary>Sets a reserve's yearly rates (rays) from this block on, after accruing interest at the old ones.</summary>
    public Task<JsonObject> SetRatesAsync(string asset, BigInteger liquidityRate, BigInteger variableBorrowRate) =>
        Call("setRates(address,uint128,uint128)", W(asset), W(liquidityRate), W(variableBorrowRate));

    /// <summary>Mints aTokens to the treasury as mintToTreasury does (MintedToTreasury, no Supply).</summary>
    public Task<JsonObject> MintToTreasuryAsync(string asset, string treasury, BigInteger amount) =>
        Call("mintToTreasury(address,address,uint256)", W(asset), W(treasury), W(amount));

    /// <summary>Emits an aToken Transfer between two holders (no liquidity moves).</summary>
    public Task<JsonObject> TransferATokensAsync(string asset, string from, string to, BigInteger amount) =>
        Call("transferATokens(address,address,address,uint256)", W(asset), W(from), W(to), W(amount));

    /// <summary>A token's totalSupply() at a block: what the pool reports, interest included, computed on chain.</summary>
    public async Task<BigInteger> TotalSupplyAsync(string token, long block) =>
        AbiReader.ReadUInt256(await _node.Rpc.EthCallAsync(token, AbiEncoder.Selector("totalSupply()"), block), 0);

    /// <summary>getReserveData's aToken (word 8) and variable debt token (word 10) of a reserve.</summary>
    public async Task<(string AToken, string VariableDebtToken)> TokensOfAsync(string asset)
    {
        var latest = await _node.Rpc.GetBlockNumberAsync();
        var data = await _node.Rpc.EthCallAsync(Address, AbiEncoder.CallWithAddress("getReserveData(address)", asset), latest);
        return (AbiReader.ReadAddress(data, 8), AbiReader.ReadAddress(data, 10));
    }

    /// <summary>Changes the aToken supply without an event, so reconciliation has a drift to find.</summary>
    public Task<JsonObject> SkewSupplyAsync(string asset, BigInteger delta) =>
        Call("skewSupply(address,int256)", W(asset), W(delta < 0 ? BigInteger.Pow(2, 256) + delta : delta));

    private Task<JsonObject> Call(string signature, params string[] words) =>
        SendAsync(_node, Sender, Address, AbiEncoder.Selector(signature) + string.Concat(words));

    private static string W(BigInteger value) => value.ToString("x").TrimStart('0').PadLeft(64, '0');

    private static string W(string address) => address[2..].ToLowerInvariant().PadLeft(64, '0');

    private static async Task<JsonObject> SendAsync(AnvilNode node, string from, string? to, string data)
    {
        var tx = new JsonObject { ["from"] = from, ["data"] = data, ["gas"] = "0x1c9c380" };
        if (to is not null) tx["to"] = to;
        var hash = (await node.Rpc.CallAsync("eth_sendTransaction", [tx])).GetString()!;
        for (var i = 0; i < 100; i++)
        {
            var receipt = await node.Rpc.CallAsync("eth_getTransactionReceipt", [hash]);
            if (receipt.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                var obj = JsonNode.Parse(receipt.GetRawText())!.AsObject();
                if (obj["status"]!.GetValue<string>() != "0x1") throw new InvalidOperationException($"transaction {hash} reverted");
                return obj;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"transaction {hash} was not mined");
    }
}
