using Xunit;

namespace Forecaster.Chain.Tests.Node;

/// <summary>The test node itself: every test's chain must be its own, and a node that cannot start must say why.</summary>
public sealed class AnvilNodeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAsync_GivesNodesStartedTogetherPortsAndChainsOfTheirOwn()
    {
        var nodes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => AnvilNode.StartAsync()));
        try
        {
            Assert.Equal(nodes.Length, nodes.Select(n => n.Port).Distinct().Count());
            // Blocks mined on one node appear on no other: each test drives a chain nobody else touches.
            for (var i = 0; i < nodes.Length; i++) await nodes[i].MineAsync(i + 1);
            for (var i = 0; i < nodes.Length; i++) Assert.Equal(i + 1, await nodes[i].Rpc.GetBlockNumberAsync(Ct));
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task StartAsync_Throws_WithAnvilsOwnMessage_WhenTheNodeExitsBeforeListening()
    {
        // anvil refuses a chain id it cannot parse and exits at once: the start must fail with its words, not hang or succeed.
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => AnvilNode.StartAsync(chainId: -1));
        Assert.Contains("exited with code", ex.Message);
        Assert.Contains("before listening", ex.Message);
        Assert.Contains("-1", ex.Message);
    }
}
