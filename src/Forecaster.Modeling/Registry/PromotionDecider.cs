namespace Forecaster.Modeling.Registry;

/// <summary>What made a promotion decision (written by name in the promotion log).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PromotionDecider>))]
public enum PromotionDecider
{
    /// <summary><c>forecaster train</c>, deciding on the challenger it just trained.</summary>
    Train,

    /// <summary>The weekly retraining job (<c>RetrainModelsJob</c>).</summary>
    RetrainJob,

    /// <summary><c>forecaster models promote</c> (or any other caller of <see cref="ModelRegistry.Promote"/> that names none).</summary>
    PromoteCommand,
}
