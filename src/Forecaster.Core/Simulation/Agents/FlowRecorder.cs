using System.Globalization;
using Forecaster.Flows;
using Forecaster.Markets;

namespace Forecaster.Simulation.Agents;

/// <summary>
/// Adds each agent action to the hour's gross flows and, when asked, hands it on as a FlowEvent with a synthetic
/// transaction hash (market, hour and sequence number: unique and the same for the same seed), in time order.
/// </summary>
internal sealed class FlowRecorder(string market, int marketIndex, DateTimeOffset start, Action<FlowEvent>? onEvent)
{
    public const string Chain = AgentSimulator.EventChain;

    // Account classes: the first hex digit of a synthetic address tells the kind of agent.
    public const int Depositor = 1, Whale = 2, Borrower = 3, Liquidator = 4;

    private int _hour;
    private int _sequence;
    private int _opening;

    public GrossFlows Flows { get; private set; }
    public double Liquidations { get; private set; }

    public void StartHour(int hour)
    {
        _hour = hour;
        _sequence = 0;
        Flows = GrossFlows.None;
        Liquidations = 0;
    }

    /// <summary>
    /// Keeps an account's deposits at the start as a Supply event stamped an hour before the first simulated hour (block -1,
    /// before the first simulated block), so the events explain every holder's balance; not part of any hour's gross flows.
    /// </summary>
    public void Open(double amountUsd, int agentClass, int agent)
    {
        if (onEvent is null || amountUsd <= 0) return;
        var sequence = _opening++;
        onEvent(new FlowEvent(Chain, Hash(-1, sequence, FlowKind.Supply), sequence, -1, start.AddHours(-1), market, FlowKind.Supply, Amount(amountUsd), Account(agentClass, agent)));
    }

    public void Record(FlowKind kind, double amountUsd, int agentClass, int agent)
    {
        if (amountUsd <= 0) return;
        Flows += kind switch
        {
            FlowKind.Supply => new GrossFlows(amountUsd, 0, 0, 0),
            FlowKind.Withdraw => new GrossFlows(0, amountUsd, 0, 0),
            FlowKind.Borrow => new GrossFlows(0, 0, amountUsd, 0),
            FlowKind.Repay => new GrossFlows(0, 0, 0, amountUsd),
            _ => GrossFlows.None,
        };
        if (kind == FlowKind.Liquidation) Liquidations += amountUsd;
        if (onEvent is null) return;
        var sequence = _sequence++;
        // One 12-second block after another: 300 blocks an hour.
        onEvent(new FlowEvent(Chain, Hash(_hour, sequence, kind), sequence, _hour * 300L + Math.Min(sequence, 299), start.AddHours(_hour).AddSeconds(Math.Min(sequence, 299) * 12),
            market, kind, Amount(amountUsd), Account(agentClass, agent)));
    }

    // At most 18 decimals, what a store keeps exactly (DECIMAL(38, 18)): only amounts under a tenth of a cent lose digits.
    private static decimal Amount(double amountUsd) => Math.Round((decimal)amountUsd, 18);

    private string Hash(int hour, int sequence, FlowKind kind) =>
        string.Create(CultureInfo.InvariantCulture, $"0x{marketIndex:x16}{hour:x16}{sequence:x16}{(int)kind:x16}");

    private string Account(int agentClass, int agent) => string.Create(CultureInfo.InvariantCulture, $"0x{agentClass:x1}{marketIndex:x7}{agent:x32}");
}
