using System.CommandLine;
using Forecaster.Pipeline;

namespace Forecaster.Cli;

/// <summary><c>--account-flows CHAIN:POOL</c> of replay and propose: the pool whose stored logs tell who holds each market's deposits.</summary>
internal static class AccountFlowsOption
{
    /// <summary>Builds the option; <paramref name="use"/> says what the holders serve in this command.</summary>
    public static Option<string?> Create(string use) => new("--account-flows")
    {
        Description = $"CHAIN:POOL whose stored logs give each market's holders ({use}); simulated:{SimulatedFlowLogs.Source} for the events of 'simulate --events'",
    };

    /// <summary>
    /// The account-level flows of the pool <paramref name="value"/> names, or null when the option was not given; they are read
    /// from <paramref name="flowStore"/> as they are used, so it stays open while they are.
    /// </summary>
    /// <exception cref="ForecasterException">The value is not CHAIN:POOL, or the store holds no logs of that pool.</exception>
    public static async Task<AccountFlows?> LoadAsync(string? value, IFlowEventStore flowStore, CancellationToken cancellationToken)
    {
        if (value is null) return null;
        var parts = value.Split(':');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            throw new ForecasterException($"--account-flows: expected CHAIN:POOL (e.g. ethereum:0x7d27... or simulated:{SimulatedFlowLogs.Source}), got '{value}'.");
        return await AccountFlows.LoadAsync(flowStore, parts[0], parts[1].ToLowerInvariant(), cancellationToken);
    }
}
