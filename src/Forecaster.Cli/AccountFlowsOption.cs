using System.CommandLine;
using Forecaster.Flows;
using Forecaster.Pipeline;
using Forecaster.Store.DuckDb;

namespace Forecaster.Cli;

/// <summary><c>--account-flows CHAIN:POOL</c> of replay and propose: the pool whose stored logs tell who holds each market's deposits.</summary>
internal static class AccountFlowsOption
{
    /// <summary>Builds the option; <paramref name="use"/> says what the holders serve in this command.</summary>
    public static Option<string?> Create(string use) => new("--account-flows")
    {
        Description = $"CHAIN:POOL whose stored logs give each market's holders ({use}); simulated:{SimulatedFlowLogs.Source} for the events of 'simulate --events'",
    };

    /// <summary>The account-level flows by market of the pool <paramref name="value"/> names, or null when the option was not given.</summary>
    /// <exception cref="ForecasterException">The value is not CHAIN:POOL, or the store holds no logs of that pool.</exception>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<FlowEvent>>?> LoadAsync(string? value, DuckDbMarketStore store, CancellationToken cancellationToken)
    {
        if (value is null) return null;
        var parts = value.Split(':');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            throw new ForecasterException($"--account-flows: expected CHAIN:POOL (e.g. ethereum:0x7d27... or simulated:{SimulatedFlowLogs.Source}), got '{value}'.");
        await using var flowStore = DuckDbFlowEventStore.Attach(store);
        return await AccountFlows.LoadAsync(flowStore, parts[0], parts[1].ToLowerInvariant(), cancellationToken);
    }
}
