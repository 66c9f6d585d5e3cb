using Forecaster.Modeling.TimeSeries.Iid;
using Xunit;

namespace Forecaster.Modeling.Tests;

public sealed class AdaptiveKernelDensityTests
{
    /// <summary>
    /// The pilot densities summed several points at a time equal, bit for bit, the plain one-point-at-a-time sum over the
    /// kernel's support, for every history length (full vector blocks and a remainder), ties, a constant history and
    /// supports from far narrower than the points' spacing to wider than their range.
    /// </summary>
    [Fact]
    public void PilotDensities_EqualThePlainPairwiseSum_BitForBit()
    {
        var random = new Random(5);
        for (var n = 1; n <= 131; n++)
        {
            var gaussian = Series.Gaussian(n, 1, n);
            var tied = gaussian.Select(v => Math.Round(v * 4) / 4).ToArray();
            var constant = Enumerable.Repeat(0.37, n).ToArray();
            foreach (var history in new[] { gaussian, tied, constant })
                foreach (var support in new[] { 1e-9, 0.05 + random.NextDouble(), 100.0 })
                    Assert.Equal(PlainSums(history, support), AdaptiveKernelDensity.PilotDensities(history, support));
        }
    }

    private static double[] PlainSums(double[] history, double support)
    {
        var density = new double[history.Length];
        for (var i = 0; i < history.Length; i++)
            for (var j = 0; j < history.Length; j++)
            {
                var z = (history[i] - history[j]) / support;
                if (z is > -1 and < 1) density[i] += 1 - z * z;
            }
        return density;
    }
}
