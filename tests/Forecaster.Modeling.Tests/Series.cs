namespace Forecaster.Modeling.Tests;

/// <summary>Synthetic series with known answers for the model tests.</summary>
internal static class Series
{
    public static double[] Sinusoids(int count, int start = 0) =>
        Enumerable.Range(start, count).Select(t => Math.Sin(2 * Math.PI * t / 12) + 0.5 * Math.Sin(2 * Math.PI * t / 31 + 1)).ToArray();

    public static double[] Gaussian(int count, double sigma, int seed)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            // Box–Muller: System.Random has no normal sampler.
            var u1 = 1 - random.NextDouble();
            var u2 = random.NextDouble();
            values[i] = sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
        return values;
    }

    public static double[] Add(double[] a, double[] b) => a.Zip(b, (x, y) => x + y).ToArray();
}
