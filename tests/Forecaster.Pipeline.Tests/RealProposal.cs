using Forecaster.Ingest.Snapshots;
using Forecaster.Publish.Proposals;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>The one proposal <c>propose</c> writes from one shared Aave v2 file as of an hour (skipped without the shared data).</summary>
internal static class RealProposal
{
    /// <summary>The proposal and its Markdown as written.</summary>
    public static async Task<(GovernanceProposal Proposal, string Markdown)> OfOneFileAsync(string file, DateTimeOffset asOf)
    {
        var (proposal, markdown, _) = await WithJsonAsync(file, asOf);
        return (proposal, markdown);
    }

    /// <summary>The proposal, its Markdown and its JSON as written; fails when the chart it links is not beside them.</summary>
    public static async Task<(GovernanceProposal Proposal, string Markdown, string Json)> WithJsonAsync(string file, DateTimeOffset asOf)
    {
        using var temp = new TempDirectory("real-proposal");
        var ct = TestContext.Current.CancellationToken;
        await using var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        await new SnapshotIngestor(store).IngestAsync([SharedData.Require("aave-v2-hourly", file)], new SnapshotIngestOptions(), ct);
        var result = await new ProposalService(store).CreateAsync(new ProposalOptions { OutputDirectory = temp.File("out"), AsOf = asOf }, ct);
        var (proposal, path) = Assert.Single(result.Proposals);
        Assert.True(proposal.ChartFile is null || File.Exists(Path.Combine(Path.GetDirectoryName(path)!, proposal.ChartFile)), $"the chart {proposal.ChartFile} is not beside {path}");
        return (proposal, await File.ReadAllTextAsync(path, ct), await File.ReadAllTextAsync(Path.ChangeExtension(path, ".json"), ct));
    }
}
