using Forecaster.Chain.Rpc;
using Xunit;

namespace Forecaster.Chain.Tests.Rpc;

public sealed class LogRangePlannerTests
{
    [Fact]
    public void OnRefused_HalvesTheRefusedSpan()
    {
        var planner = new LogRangePlanner(initialSpan: 1000);
        Assert.Equal(1999, planner.EndOf(1000, 5000));
        Assert.True(planner.OnRefused(1000));
        Assert.Equal(500, planner.Span);
        Assert.Equal(1499, planner.EndOf(1000, 5000));
    }

    [Fact]
    public void OnRefused_ReturnsFalse_WhenAtMinimumSpan()
    {
        var planner = new LogRangePlanner(initialSpan: 2, minSpan: 1);
        Assert.True(planner.OnRefused(2));
        Assert.False(planner.OnRefused(1));
        Assert.Equal(2, planner.Refusals);
    }

    [Fact]
    public void OnSucceeded_GrowsUpToMax_WhenResultsAreLight()
    {
        var planner = new LogRangePlanner(initialSpan: 100, maxSpan: 300, lightResultCount: 10);
        planner.OnSucceeded(100, 3);
        Assert.Equal(200, planner.Span);
        planner.OnSucceeded(200, 3);
        Assert.Equal(300, planner.Span);
    }

    [Fact]
    public void OnSucceeded_KeepsSpan_WhenResultsAreHeavy()
    {
        var planner = new LogRangePlanner(initialSpan: 100, lightResultCount: 10);
        planner.OnSucceeded(100, 50);
        Assert.Equal(100, planner.Span);
    }

    [Fact]
    public void EndOf_StopsAtTo_WhenSpanReachesPastIt()
    {
        var planner = new LogRangePlanner(initialSpan: 1000);
        Assert.Equal(1010, planner.EndOf(1000, 1010));
    }

    [Fact]
    public void Constructor_Throws_WhenInitialBelowMin() =>
        Assert.Equal("initialSpan", Assert.Throws<ArgumentOutOfRangeException>(() => new LogRangePlanner(0, 1)).ParamName);

    [Theory]
    [InlineData(-32005, "query returned more than 10000 results", true)]
    [InlineData(-32602, "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range", true)]
    [InlineData(-32000, "block range is too wide", true)]
    [InlineData(-32005, "daily request count exceeded, request rate limited", false)]
    [InlineData(-32000, "header not found", false)]
    public void Matches_RecognisesRangeRefusals(long code, string message, bool expected) =>
        Assert.Equal(expected, LogRangeTooLargeException.Matches(code, message));
}
