using Xunit;

namespace Forecaster.EarlyWarning.Tests;

/// <summary>The onset ranker's label: an episode starts in (t, t+W]; hours in an episode's tail are left out.</summary>
public sealed class OnsetLabelsTests
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(72);
    private static readonly TimeSpan MergeGap = ShortfallDefinition.Defaults.EpisodeMergeGap;

    /// <summary>
    /// 400 hours: episode A = shortfall hours 150, 151, 160 (9 h apart, merged); episode B starts at 200 (40 h after
    /// 160) and takes in 210; hour 20 is ineligible.
    /// </summary>
    private static ShortfallLabels TwoEpisodes()
    {
        var hours = Hours.WithShortfallAt(400, 150, 151, 160, 200, 210);
        hours[20] = hours[20] with { SuppliedUsd = 9e6, BorrowedUsd = 1e6 };
        return ShortfallLabels.Compute(hours, new ShortfallDefinition());
    }

    private static sbyte[] Onsets(ShortfallLabels l) => ShortfallLabels.Onsets(l.Times, l.Eligible, l.Shortfall, Window, MergeGap);

    [Fact]
    public void Onsets_LabelHoursBeforeEachEpisodeStart_WithExactWindowEdges()
    {
        var onsets = Onsets(TwoEpisodes());

        Assert.Equal(ShortfallLabels.None, onsets[20]); // ineligible
        Assert.All(onsets[..77].Where((_, i) => i != 20), o => Assert.Equal(0, o));
        Assert.Equal(0, onsets[77]); // (77, 149] misses 150
        Assert.Equal(1, onsets[78]); // (78, 150] holds it: the window's end is included
        Assert.All(onsets[78..150], o => Assert.Equal(1, o)); // through 149, whose window starts just before 150
        Assert.All(onsets[184..200], o => Assert.Equal(1, o)); // out of A's tail, B starts at 200
        Assert.All(onsets[234..328], o => Assert.Equal(0, o)); // no episode follows
    }

    [Fact]
    public void Onsets_LeaveOutEpisodeTails_AndShortfallHours()
    {
        var onsets = Onsets(TwoEpisodes());

        foreach (var h in new[] { 150, 151, 160, 200, 210 }) Assert.Equal(ShortfallLabels.None, onsets[h]);
        // Less than 24 h after a shortfall hour: 152-159 and 161-183 (A), 201-209 and 211-233 (B). Hours 176-183 precede
        // B's start by less than 72 h, yet a shortfall there would have merged into A, so they are not onset rows.
        foreach (var range in new[] { (152, 160), (161, 184), (201, 210), (211, 234) })
            Assert.All(onsets[range.Item1..range.Item2], o => Assert.Equal(ShortfallLabels.InEpisode, o));
        Assert.Equal(1, onsets[184]); // exactly 24 h after 160: a shortfall now would start a new episode
    }

    [Fact]
    public void Onsets_AreUnknown_WhenTheWindowRunsPastTheData()
    {
        var onsets = Onsets(TwoEpisodes());

        Assert.Equal(0, onsets[327]); // (327, 399] is inside the data
        Assert.All(onsets[328..], o => Assert.Equal(ShortfallLabels.None, o));
    }

    [Fact]
    public void Onsets_WhoseWindowClosed_DoNotChange_WhenLaterHoursAreCutOff()
    {
        // Frequent shortfalls at irregular gaps (some merging, some not) and scattered ineligible hours.
        var random = new Random(7);
        var hours = Hours.FromUtilization(Enumerable.Range(0, 600).Select(_ => random.NextDouble() < 0.03 ? 0.99 : 0.6).ToArray());
        for (var i = 0; i < hours.Length; i += 37) hours[i] = hours[i] with { SuppliedUsd = 5e6, BorrowedUsd = 3e6 };
        var full = Onsets(ShortfallLabels.Compute(hours, new ShortfallDefinition()));
        Assert.Contains((sbyte)1, full);
        Assert.Contains(ShortfallLabels.InEpisode, full);

        for (var cut = 1; cut < hours.Length; cut++)
        {
            var kept = Onsets(ShortfallLabels.Compute(hours[..cut], new ShortfallDefinition()));
            // Hour t's window (t, t+72] closes inside the kept hours when t + 72 <= cut - 1.
            var closed = Math.Max(0, cut - 72);
            Assert.Equal(full[..closed], kept[..closed]);
            Assert.All(kept[closed..], o => Assert.Equal(ShortfallLabels.None, o));
        }
    }
}
