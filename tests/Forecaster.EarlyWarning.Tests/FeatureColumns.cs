using Forecaster.Modeling.Features;

namespace Forecaster.EarlyWarning.Tests;

/// <summary>Reads one named feature across a market's rows.</summary>
internal static class FeatureColumns
{
    public static float[] Of(FeatureMatrix features, string name)
    {
        var c = ShortfallFeatureBuilder.IndexOf(name);
        return Enumerable.Range(0, features.Rows).Select(i => features.Row(i)[c]).ToArray();
    }
}
