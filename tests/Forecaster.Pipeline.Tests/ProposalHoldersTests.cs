using System.Globalization;
using System.Text.Json;
using Forecaster.Flows;
using Forecaster.Markets;
using Forecaster.Publish.Proposals;
using Forecaster.Recommend;
using Forecaster.Risk.Liquidity;
using Forecaster.Simulation;
using Forecaster.Simulation.Agents;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>Proposals show who holds the deposits where the market's account-level flows are known, and only there.</summary>
public class ProposalHoldersTests
{
    [Fact]
    public async Task CreateAsync_ShowsTopHolderShares_InTheMotivationAndJson_OnlyForMarketsWithAccountFlows()
    {
        using var temp = new TempDirectory("propose-holders");
        var ct = TestContext.Current.CancellationToken;
        var options = new SimulationOptions { Markets = 6, Days = 365 };
        await using var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        await new SimulationService(store).SimulateAsync(options, ct);
        // The same seed gives the same markets, now with their events; half of them get their holders known.
        var simulated = AgentSimulator.Run(options, new AgentBehaviour { KeepEvents = true });
        var flows = simulated.Where((_, i) => i % 2 == 0).ToDictionary(m => m.Market.Name, m => (IReadOnlyList<FlowEvent>)m.Events);

        var result = await new ProposalService(store).CreateAsync(
            new ProposalOptions { OutputDirectory = temp.File("out"), Appetite = RiskAppetite.Conservative, AccountFlows = AccountFlows.From(flows) }, ct);

        Assert.NotEmpty(result.Proposals);
        Assert.Contains(result.Proposals, p => flows.ContainsKey(p.Proposal.Risk.Market.Name));
        foreach (var (proposal, path) in result.Proposals)
        {
            var name = proposal.Risk.Market.Name;
            var markdown = await File.ReadAllTextAsync(path, ct);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(path, ".json"), ct));
            var payload = json.RootElement.GetProperty("depositorConcentration");
            if (!flows.TryGetValue(name, out var events))
            {
                Assert.Null(proposal.Holders);
                Assert.Equal(JsonValueKind.Null, payload.ValueKind);
                Assert.DoesNotContain("Who holds the deposits", markdown);
                continue;
            }
            var expected = DepositorConcentration.At(name, events, proposal.Risk.AsOf + HourlyGrid.Step);
            var motivation = markdown[markdown.IndexOf("## Motivation", StringComparison.Ordinal)..markdown.IndexOf("## Specification", StringComparison.Ordinal)];
            Assert.Contains(ProposalMarkdownWriter.HoldersText(expected), motivation);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"the largest holder has {expected.Top1Share:P1}"), motivation);
            Assert.Equal(expected.Top1Share, payload.GetProperty("top1Share").GetDouble(), 12);
            Assert.Equal(expected.Top5Share, payload.GetProperty("top5Share").GetDouble(), 12);
            // The simulator's holders explain the market's deposits, and four whales hold 40% at the start.
            Assert.Equal(proposal.Risk.Current.SuppliedUsd, (double)expected.KnownDeposits, 1e-6 * proposal.Risk.Current.SuppliedUsd);
            Assert.InRange(expected.Top1Share, 0.01, 1);
        }
    }
}
