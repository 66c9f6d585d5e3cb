using Xunit;

namespace Forecaster.EarlyWarning.Tests;

public sealed class EpisodeFinderTests
{
    [Fact]
    public void Find_MergesShortfallHours_WhenLessThan24HoursApart()
    {
        var labels = ShortfallLabels.Compute(Hours.WithShortfallAt(200, 10, 11, 33, 57, 100), new ShortfallDefinition());

        var episodes = EpisodeFinder.Find(labels.Times, labels.Shortfall, TimeSpan.FromHours(24));

        // 10,11 then 33 (22 h after 11) merge; 57 is exactly 24 h after 33 so it starts a new episode; 100 is alone.
        Assert.Equal(3, episodes.Count);
        Assert.Equal((Hours.T0.AddHours(10), Hours.T0.AddHours(33), 3, 10), (episodes[0].Start, episodes[0].End, episodes[0].ShortfallHours, episodes[0].StartIndex));
        Assert.Equal(Hours.T0.AddHours(57), episodes[1].Start);
        Assert.Equal(1, episodes[1].ShortfallHours);
        Assert.Equal(Hours.T0.AddHours(100), episodes[2].Start);
    }

    [Fact]
    public void Find_ReturnsNothing_WhenNoShortfall()
    {
        var labels = ShortfallLabels.Compute(Hours.WithShortfallAt(50), new ShortfallDefinition());
        Assert.Empty(EpisodeFinder.Find(labels.Times, labels.Shortfall, TimeSpan.FromHours(24)));
    }
}
