using System.CommandLine;
using Forecaster.Pipeline;

namespace Forecaster.Cli;

/// <summary><c>--account-flows CHAIN:POOL</c> of replay and propose: the pool whose stored logs tell who holds each market's deposits.</summary>
internal static class AccountFlowsOption
{
    /// <summary>What the holders serve in run and brief, which find them by themselves when the option is not given.</summary>
    public const string MorningUse = "in the brief and proposals; default: for each market, whichever stored source holds its Supply/Withdraw events";

    /// <summary>Builds the option; <paramref name="use"/> says what the holders serve in this command.</summary>
    public static Option<string?> Create(string use) => new(Name)
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
        var pool = AccountFlowPool.Parse(value, Name);
        return await AccountFlows.LoadAsync(flowStore, pool.Chain, pool.Source, cancellationToken);
    }

    /// <summary>
    /// The morning path's reader over <paramref name="flowStore"/>: the pool <paramref name="value"/> names, checked to be
    /// stored, or every stored source when it is null.
    /// </summary>
    /// <exception cref="ForecasterException">The value is not CHAIN:POOL, or the store holds no logs of that pool.</exception>
    public static async Task<AccountFlowReader> ReaderAsync(string? value, IFlowEventStore flowStore, CancellationToken cancellationToken)
    {
        var reader = new AccountFlowReader(flowStore, value is null ? null : AccountFlowPool.Parse(value, Name));
        await reader.CheckAsync(Name, cancellationToken);
        return reader;
    }

    private const string Name = "--account-flows";
}
