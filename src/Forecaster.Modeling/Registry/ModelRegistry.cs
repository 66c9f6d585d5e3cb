using System.Text.Json;
using Forecaster.Modeling.EarlyWarning;
using Forecaster.Modeling.Persistence;

namespace Forecaster.Modeling.Registry;

/// <summary>
/// A folder of versioned early-warning models: <c>&lt;root&gt;/&lt;name&gt;/&lt;version&gt;/</c> holds
/// <c>classifier.zip</c> (absent when trained without a shortfall), <c>forecaster.zip</c>, <c>card.json</c> and
/// <c>card.md</c>; <c>&lt;root&gt;/&lt;name&gt;/champion</c> names the champion version. A version becomes champion
/// only when its backtest beats the champion's (<see cref="ModelMetrics.Beats"/>), unless forced.
/// </summary>
public sealed class ModelRegistry
{
    /// <summary>Default registry folder.</summary>
    public const string DefaultRoot = "models";

    /// <summary>Default model name.</summary>
    public const string DefaultName = "shortfall";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Opens (without creating) a registry folder.</summary>
    public ModelRegistry(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The registry folder, absolute.</summary>
    public string Root { get; }

    /// <summary>Saves a model as the next version of <paramref name="name"/>; the card's name and version are set here.</summary>
    public ModelCard Save(string name, EarlyWarningModel model, ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(card);
        Markets.Market.ValidateName(name);
        var version = Versions(name).DefaultIfEmpty(0).Max() + 1;
        card = card with { Name = name, Version = version, RuleLevel = double.IsFinite(model.RuleLevel) ? model.RuleLevel : null };
        var folder = Folder(name, version);
        // Write into a temporary folder and rename, so a crash never leaves a half-written version.
        var temporary = folder + ".tmp";
        if (Directory.Exists(temporary)) Directory.Delete(temporary, true);
        Directory.CreateDirectory(temporary);
        if (model.Classifier is { } classifier)
            using (var stream = File.Create(Path.Combine(temporary, "classifier.zip"))) classifier.Save(stream);
        using (var stream = File.Create(Path.Combine(temporary, "forecaster.zip"))) model.Forecaster.Save(stream);
        File.WriteAllText(Path.Combine(temporary, "card.json"), JsonSerializer.Serialize(card, Json));
        File.WriteAllText(Path.Combine(temporary, "card.md"), ModelCardMarkdown.Render(card));
        Directory.Move(temporary, folder);
        return card;
    }

    /// <summary>Every card of every model, by name then version.</summary>
    public IReadOnlyList<ModelCard> List()
    {
        if (!Directory.Exists(Root)) return [];
        return Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            .SelectMany(name => Versions(name).Order().Select(v => ReadCard(name, v))).ToArray();
    }

    /// <summary>The champion version of a model, or null when none has been promoted.</summary>
    public int? Champion(string name)
    {
        var file = Path.Combine(Root, name, "champion");
        return File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), out var v) ? v : null;
    }

    /// <summary>
    /// Makes a version the champion when its backtest beats the current champion's, when the current champion can no longer be
    /// loaded by this build (a model trained before the feature set changed: it cannot serve, so it cannot hold the title), or
    /// when forced.
    /// </summary>
    /// <exception cref="ModelNotFoundException">No such version.</exception>
    /// <exception cref="ChallengerRejectedException">Not forced and it does not beat a loadable champion.</exception>
    public void Promote(string name, int version, bool force = false)
    {
        var challenger = ReadCard(name, version);
        if (Champion(name) is { } current && current != version && !force && IsLoadable(name, current))
        {
            var champion = ReadCard(name, current);
            if (!challenger.Metrics.Beats(champion.Metrics))
                throw new ChallengerRejectedException(
                    $"{name} v{version} does not beat champion v{current} (AUC-PR {challenger.Metrics.AucPr?.ToString("0.###") ?? "-"} vs {champion.Metrics.AucPr?.ToString("0.###") ?? "-"}, " +
                    $"recall {challenger.Metrics.Recall?.ToString("0.###") ?? "-"} vs {champion.Metrics.Recall?.ToString("0.###") ?? "-"}); use --force to promote anyway.");
        }
        var file = Path.Combine(Root, name, "champion");
        File.WriteAllText(file + ".tmp", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.Move(file + ".tmp", file, overwrite: true);
    }

    /// <summary>Reads a version's card.</summary>
    /// <exception cref="ModelNotFoundException">No such version.</exception>
    /// <exception cref="ModelFormatException">The card is unreadable or of another format.</exception>
    public ModelCard ReadCard(string name, int version)
    {
        var path = Path.Combine(Folder(name, version), "card.json");
        if (!File.Exists(path)) throw new ModelNotFoundException($"No model {name} v{version} in {Root}.");
        ModelCard? card;
        try { card = JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(path), Json); }
        catch (JsonException e) { throw new ModelFormatException($"{path}: not a model card ({e.Message.Split('.')[0]}).", e); }
        if (card is null || card.FormatVersion != ModelCard.CurrentFormat)
            throw new ModelFormatException($"{path}: card format {card?.FormatVersion} is not {ModelCard.CurrentFormat}.");
        return card;
    }

    /// <summary>Loads a version's model and card.</summary>
    /// <exception cref="ModelNotFoundException">No such version.</exception>
    public (EarlyWarningModel Model, ModelCard Card) Load(string name, int version)
    {
        var card = ReadCard(name, version);
        var folder = Folder(name, version);
        ShortfallClassifier? classifier = null;
        if (card.HasClassifier)
            using (var stream = File.OpenRead(Path.Combine(folder, "classifier.zip"))) classifier = ShortfallClassifier.Load(stream, card.Options.Model);
        LiquidityForecaster forecaster;
        using (var stream = File.OpenRead(Path.Combine(folder, "forecaster.zip")))
            forecaster = LiquidityForecaster.Load(stream, card.LowerResidual, card.UpperResidual, card.Options.Model.Coverage, card.ForecastUsesPersistence, card.Options.Model.Seed);
        return (new EarlyWarningModel(classifier, forecaster, card.AlertThreshold ?? double.PositiveInfinity, card.BaseRate, card.RuleLevel ?? double.PositiveInfinity), card);
    }

    private bool IsLoadable(string name, int version)
    {
        try
        {
            Load(name, version);
            return true;
        }
        catch (ModelFormatException)
        {
            return false;
        }
    }

    /// <summary>Loads the champion, or null when there is none.</summary>
    public (EarlyWarningModel Model, ModelCard Card)? LoadChampion(string name = DefaultName) =>
        Champion(name) is { } version ? Load(name, version) : null;

    private IEnumerable<int> Versions(string name)
    {
        var folder = Path.Combine(Root, name);
        if (!Directory.Exists(folder)) return [];
        return Directory.GetDirectories(folder).Select(Path.GetFileName)
            .Select(n => int.TryParse(n, out var v) ? v : 0).Where(v => v > 0).ToArray();
    }

    private string Folder(string name, int version) => Path.Combine(Root, name, version.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
