using System.Text.Json;
using Forecaster.Publish.Proposals;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>A proposal's <c>trackRecord</c> JSON says what its Markdown's Track record says, row for row.</summary>
internal static class TrackRecordAssert
{
    public static void JsonMatchesMarkdown(JsonElement proposalJson, string markdown)
    {
        var market = proposalJson.GetProperty("market").GetString()!;
        var json = proposalJson.GetProperty("trackRecord");
        Assert.Contains(TrackRecordMarkdown.Heading + "\n", markdown);
        Assert.Contains($"up to {json.GetProperty("asOf").GetDateTimeOffset():yyyy-MM-dd HH:mm} UTC", markdown);
        var markets = json.GetProperty("markets").GetArrayLength();
        foreach (var (label, tally) in new[] { (market, json.GetProperty("market")), ($"all {markets} markets", json.GetProperty("allMarkets")) })
        {
            var leads = tally.GetProperty("leads").EnumerateArray().Select(l => new TrackRecordLead(
                l.GetProperty("hoursBefore").GetInt32(), l.GetProperty("judged").GetInt32(), l.GetProperty("covered").GetInt32(),
                l.GetProperty("flatRuleCovered").GetInt32(), l.GetProperty("skipped").GetInt32())).ToList();
            Assert.Equal([24, 72], leads.Select(l => l.HoursBefore));
            foreach (var row in TrackRecordMarkdown.TallyRows(label, new TrackRecordTally(tally.GetProperty("episodes").GetInt32(), leads)))
                Assert.Contains(row + "\n", markdown);
        }
        foreach (var miss in json.GetProperty("uncovered").EnumerateArray())
        {
            var episode = new TrackRecordEpisode(market, miss.GetProperty("start").GetDateTimeOffset(), miss.GetProperty("hoursBefore").GetInt32(),
                miss.GetProperty("depositsUsd").GetDouble(), miss.GetProperty("bufferUsd").GetDouble(), miss.GetProperty("outflowUsd").GetDouble(),
                Covered: false, miss.GetProperty("flatRuleCovered").GetBoolean());
            Assert.True(episode.BufferUsd < episode.OutflowUsd, "an uncovered episode's buffer is short of its outflow");
            Assert.Contains(TrackRecordMarkdown.MissRow(episode) + "\n", markdown);
        }
        foreach (var skip in json.GetProperty("skipped").EnumerateArray())
            Assert.Contains(TrackRecordMarkdown.SkipLine(new TrackRecordSkip(market, skip.GetProperty("start").GetDateTimeOffset(), skip.GetProperty("hoursBefore").GetInt32(),
                skip.GetProperty("reason").GetString()!)) + "\n", markdown);
        // The section lists no more misses or skips than the JSON holds.
        var start = markdown.IndexOf(TrackRecordMarkdown.Heading, StringComparison.Ordinal);
        var section = markdown[start..markdown.IndexOf("\n## ", start, StringComparison.Ordinal)].Split('\n');
        Assert.Equal(json.GetProperty("uncovered").GetArrayLength(), section.Count(l => l.StartsWith("| 20", StringComparison.Ordinal)));
        Assert.Equal(json.GetProperty("skipped").GetArrayLength(), section.Count(l => l.StartsWith("- 20", StringComparison.Ordinal)));
    }
}
