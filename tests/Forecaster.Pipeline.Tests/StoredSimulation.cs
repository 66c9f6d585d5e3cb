using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Forecaster.Simulation.Agents;
using Forecaster.Store.DuckDb;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>
/// Everything a simulation stored, as one canonical text and its SHA-256: every simulated log with its block hash and flow,
/// every block, the checkpoint and every market's hours. Two stores hold the same rows exactly when their digests agree.
/// </summary>
internal static class StoredSimulation
{
    public static async Task<string> DigestAsync(DuckDbMarketStore store, DuckDbFlowEventStore flows, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        // Markets share block numbers and log indexes, so the order within a block is made total by the market.
        var logs = (await flows.GetLogsAsync(AgentSimulator.EventChain, SimulatedFlowLogs.Source, cancellationToken))
            .OrderBy(l => l.Log.Block).ThenBy(l => l.Flow?.Market, StringComparer.Ordinal).ThenBy(l => l.Log.LogIndex);
        foreach (var (log, flow) in logs)
        {
            // The digests were taken before FlowEvent had a Counterparty and DepositsBurnedFrom; simulated flows never have
            // either, so their empty values are left out of the text and the digests still compare what was stored.
            Assert.True(flow is null || flow.Counterparty.Length + flow.DepositsBurnedFrom.Length == 0, $"A simulated flow with a counterparty or a burn: {flow}");
            var flowText = flow?.ToString().Replace(", Counterparty = , DepositsBurnedFrom =  }", " }", StringComparison.Ordinal);
            text.AppendLine(CultureInfo.InvariantCulture, $"log {log.Chain} {log.Block} {log.BlockHash} {log.TransactionHash} {log.LogIndex} {log.Timestamp:O} {log.Address} {log.Topics.Count} {log.Data.Length} {flowText}");
        }
        foreach (var block in (await flows.GetBlocksAsync(AgentSimulator.EventChain, long.MaxValue, int.MaxValue, cancellationToken)).OrderBy(b => b.Number))
            text.AppendLine(CultureInfo.InvariantCulture, $"block {block}");
        text.AppendLine(CultureInfo.InvariantCulture, $"checkpoint {await flows.GetCheckpointAsync(AgentSimulator.EventChain, SimulatedFlowLogs.Source, cancellationToken)}");
        foreach (var market in (await store.GetMarketsAsync(cancellationToken)).OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"market {market}");
            foreach (var hour in await store.GetHoursAsync(market.Name, cancellationToken: cancellationToken))
                text.AppendLine(CultureInfo.InvariantCulture, $"hour {hour} {hour.Flows}");
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
