using System.Text.Json;

namespace Forecaster.Modeling.Evaluation.Nab;

/// <summary>A NAB cost profile: weights of true positives, false positives and false negatives.</summary>
/// <param name="Name">Profile name, e.g. <c>standard</c>.</param>
/// <param name="TpWeight">Weight of a window's detection.</param>
/// <param name="FpWeight">Weight of each false detection.</param>
/// <param name="FnWeight">Weight of each missed window.</param>
public sealed record NabProfile(string Name, double TpWeight, double FpWeight, double FnWeight)
{
    /// <summary>NAB's standard profile.</summary>
    public static NabProfile Standard { get; } = new("standard", 1, 0.11, 1);

    /// <summary>NAB's profile that punishes false positives more.</summary>
    public static NabProfile RewardLowFpRate { get; } = new("reward_low_FP_rate", 1, 0.22, 1);

    /// <summary>NAB's profile that punishes misses more.</summary>
    public static NabProfile RewardLowFnRate { get; } = new("reward_low_FN_rate", 1, 0.11, 2);

    /// <summary>The three published profiles, in NAB's order.</summary>
    public static IReadOnlyList<NabProfile> All { get; } = [Standard, RewardLowFpRate, RewardLowFnRate];

    /// <summary>Reads <c>config/profiles.json</c>.</summary>
    /// <param name="path">The profiles file.</param>
    /// <exception cref="ForecasterException">The file is missing or not NAB's profile format.</exception>
    public static IReadOnlyList<NabProfile> Load(string path)
    {
        if (!File.Exists(path)) throw new ForecasterException($"NAB profiles file not found: {path}.");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.EnumerateObject().Select(p =>
            {
                var costs = p.Value.GetProperty("CostMatrix");
                return new NabProfile(p.Name, costs.GetProperty("tpWeight").GetDouble(), costs.GetProperty("fpWeight").GetDouble(), costs.GetProperty("fnWeight").GetDouble());
            }).ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ForecasterException($"NAB profiles file {path} is not in NAB's format: {e.Message}", e);
        }
    }
}
