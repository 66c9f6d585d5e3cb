using Forecaster.Chain.Rpc;
using Xunit;

namespace Forecaster.Chain.Tests.Rpc;

public sealed class RpcUrlTests
{
    [Theory]
    [InlineData("https://eth-mainnet.g.alchemy.com/v2/AbCdEf0123456789xyz", "https://eth-mainnet.g.alchemy.com/v2/***")]
    [InlineData("https://mainnet.infura.io/v3/0123456789abcdef0123456789abcdef", "https://mainnet.infura.io/v3/***")]
    [InlineData("https://rpc.example.org/?apikey=s3cr3t", "https://rpc.example.org/?***")]
    [InlineData("https://user:pa55word@node.example.org:8545/", "https://***@node.example.org:8545/")]
    [InlineData("http://127.0.0.1:8545", "http://127.0.0.1:8545/")]
    [InlineData("https://rpc.ankr.com/eth/k3y12345", "https://rpc.ankr.com/eth/***")]
    public void Redact_MasksKeys_InPathQueryAndUserInfo(string url, string expected) => Assert.Equal(expected, RpcUrl.Redact(url));

    [Fact]
    public void Redact_MasksWhole_WhenUrlIsUnparsable() => Assert.Equal("***", RpcUrl.Redact("not a url with s3cr3t"));

    [Fact]
    public void Scrub_RemovesKeyFromMessage_WhenMessageQuotesIt()
    {
        const string url = "https://mainnet.infura.io/v3/0123456789abcdef0123456789abcdef";
        var scrubbed = RpcUrl.Scrub("request to https://mainnet.infura.io/v3/0123456789abcdef0123456789abcdef failed; key 0123456789abcdef0123456789abcdef", url);
        Assert.DoesNotContain("0123456789abcdef", scrubbed);
        Assert.Contains("mainnet.infura.io", scrubbed);
    }

    [Fact]
    public async Task CallAsync_ErrorMessageHasNoKey_WhenNodeIsUnreachable()
    {
        // Port 9 (discard) on localhost refuses connections: the error must still name the node without its key.
        var options = new RpcClientOptions { Url = "http://127.0.0.1:9/v3/0123456789abcdef0123456789abcdef", MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(10) };
        using var client = new JsonRpcClient(options);
        var ex = await Assert.ThrowsAsync<ChainRpcException>(() => client.GetChainIdAsync(TestContext.Current.CancellationToken));
        Assert.DoesNotContain("0123456789abcdef", ex.Message);
        Assert.Contains("http://127.0.0.1:9/v3/***", ex.Message);
        Assert.Contains("after 2 attempts", ex.Message);
    }
}
