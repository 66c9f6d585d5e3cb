namespace Forecaster.EarlyWarning.Tests;

/// <summary>
/// Hand-made scored markets for the bootstrap: <c>blocks</c> blocks of <see cref="BlockHours"/> hours, one shortfall hour
/// (an episode) at offset <see cref="EpisodeOffset"/> of each block, then a day of unevaluated hours so the last block's
/// targets are known too. Each side alerts at one offset per block (or not) and gives its own probability per offset.
/// </summary>
internal static class BootstrapMarkets
{
    public const int BlockHours = 200;
    public const int EpisodeOffset = 150;
    public static readonly ShortfallDefinition Definition = new();
    public static readonly BootstrapOptions Options = new() { BlockLength = TimeSpan.FromHours(BlockHours), Resamples = 2000, Seed = 7 };

    public static ShortfallLabels Labels(int blocks) =>
        ShortfallLabels.Compute(Hours.WithShortfallAt(blocks * BlockHours + 48, Enumerable.Range(0, blocks).Select(b => b * BlockHours + EpisodeOffset).ToArray()), Definition);

    /// <param name="labels">From <see cref="Labels"/>.</param>
    /// <param name="alertOffset">Offset of the one alert hour in block b, or null for none.</param>
    /// <param name="probability">Probability at (block, offset); dyadic values keep every sum exact.</param>
    public static ScoredMarket Side(ShortfallLabels labels, Func<int, int?> alertOffset, Func<int, int, double> probability, string name = "m")
    {
        var n = labels.Times.Length;
        var evaluated = new bool[n];
        var alert = new bool[n];
        var p = new double[n];
        for (var i = 0; i < n; i++)
        {
            var (block, offset) = (i / BlockHours, i % BlockHours);
            evaluated[i] = i < n - 48;
            alert[i] = evaluated[i] && alertOffset(block) == offset;
            p[i] = probability(block, offset);
        }
        return new ScoredMarket(name, labels, evaluated, p, alert, Enumerable.Repeat(0.125, n).ToArray());
    }

    /// <summary>0.5 on the 24 hours before each episode (the positive targets) and <paramref name="from"/> hours more, 0.125 elsewhere.</summary>
    public static Func<int, int, double> HighBefore(int from = EpisodeOffset - 24) => (_, offset) => offset >= from && offset < EpisodeOffset ? 0.5 : 0.125;
}
