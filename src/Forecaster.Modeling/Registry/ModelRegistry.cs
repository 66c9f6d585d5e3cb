using System.Text.Json;
using Forecaster.Modeling.EarlyWarning;
using Forecaster.Modeling.Persistence;

namespace Forecaster.Modeling.Registry;

/// <summary>
/// A folder of versioned early-warning models: <c>&lt;root&gt;/&lt;name&gt;/&lt;version&gt;/</c> holds
/// <c>classifier.zip</c> (absent when trained without a shortfall), <c>forecaster.zip</c>, <c>card.json</c> and
/// <c>card.md</c>; <c>&lt;root&gt;/&lt;name&gt;/champion</c> names the champion version and
/// <c>&lt;root&gt;/&lt;name&gt;/promotions.jsonl</c> (<see cref="PromotionLog"/>) records every decision. A version becomes champion
/// only when it beats the champion (<see cref="ModelMetrics.Beats"/>, on the same hours when the data is at hand:
/// <see cref="ChampionComparer"/>), unless forced.
/// </summary>
public sealed class ModelRegistry
{
    /// <summary>Default registry folder.</summary>
    public const string DefaultRoot = "models";

    /// <summary>Default model name.</summary>
    public const string DefaultName = "shortfall";

    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private readonly TimeProvider _clock;

    /// <summary>Opens (without creating) a registry folder.</summary>
    /// <param name="root">The registry folder.</param>
    /// <param name="clock">Stamps promotion decisions; the system clock when null.</param>
    public ModelRegistry(string root, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        _clock = clock ?? TimeProvider.System;
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
    /// The champion a new version must beat: the current champion's card, or null when there is none or when this build
    /// cannot load it (a model trained before the feature set changed cannot serve, so it cannot hold the title).
    /// </summary>
    public ModelCard? ChampionToBeat(string name) =>
        Champion(name) is { } current && IsLoadable(name, current) ? ReadCard(name, current) : null;

    /// <summary>
    /// Makes a version the champion when it beats the champion to beat (<see cref="ChampionToBeat"/>), when there is none,
    /// or when forced. The verdict is <paramref name="comparison"/> when given (e.g. made on the same hours from a store),
    /// else the one the version's card recorded against this same champion when it was trained, else
    /// <see cref="ChampionComparer.Compare"/> without data: a refresh of the champion's method wins, any other method is
    /// judged on the two cards' figures (from their own data windows, which the verdict says). Every decision, a refusal
    /// too, is appended to the name's <see cref="PromotionLog"/> before the champion changes: if the log cannot be read or
    /// written, the champion stays as it was.
    /// </summary>
    /// <param name="name">Model name.</param>
    /// <param name="version">The version to promote.</param>
    /// <param name="force">Promote whatever a comparison would say.</param>
    /// <param name="comparison">The comparison with the current champion, when already made.</param>
    /// <param name="decidedBy">What is deciding, for the log.</param>
    /// <returns>The comparison that decided, or null when none was needed (no champion to beat, the same version, or forced).</returns>
    /// <exception cref="ModelNotFoundException">No such version.</exception>
    /// <exception cref="ArgumentException"><paramref name="comparison"/> was made against another version than the current champion.</exception>
    /// <exception cref="ChallengerRejectedException">Not forced and it does not beat the champion (the refusal is logged).</exception>
    /// <exception cref="ModelFormatException">The promotion log has a corrupt line.</exception>
    public ChampionComparison? Promote(string name, int version, bool force = false, ChampionComparison? comparison = null, PromotionDecider decidedBy = PromotionDecider.PromoteCommand)
    {
        var challenger = ReadCard(name, version);
        var log = PromotionLog(name);
        log.Read();
        var before = Champion(name);
        ChampionComparison? decided = null;
        string verdict;
        if (force) verdict = before is { } forced && forced != version ? $"forced over champion v{forced}" : "forced";
        else if (ChampionToBeat(name) is { } champion && champion.Version != version)
        {
            if (comparison is not null && comparison.ChampionVersion != champion.Version)
                throw new ArgumentException($"The comparison was made against v{comparison.ChampionVersion}, but the champion of {name} is v{champion.Version}.", nameof(comparison));
            decided = comparison
                ?? (challenger.AgainstChampion is { } recorded && recorded.ChampionVersion == champion.Version ? recorded : null)
                ?? ChampionComparer.Compare(challenger, champion, markets: null);
            verdict = decided.Summary;
        }
        else verdict = before is null ? "no champion to beat" : before == version ? "already champion" : $"champion v{before} cannot be loaded by this build: replaced without comparison";
        var promoted = decided?.ChallengerWins ?? true;
        var decision = new PromotionDecision(_clock.GetUtcNow(), version, challenger.Method, before, promoted ? version : before, promoted, force, decidedBy, verdict, decided);
        if (!promoted)
        {
            log.Append(decision);
            throw new ChallengerRejectedException($"{name} v{version}: {decided!.Summary}; use --force to promote anyway.");
        }
        var file = Path.Combine(Root, name, "champion");
        File.WriteAllText(file + ".tmp", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try { log.Append(decision); }
        catch (ForecasterException)
        {
            File.Delete(file + ".tmp");
            throw;
        }
        File.Move(file + ".tmp", file, overwrite: true);
        return decided;
    }

    /// <summary>Every promotion decision about <paramref name="name"/>'s versions, oldest first.</summary>
    /// <exception cref="ModelFormatException">The log has a corrupt line; the message names the file and the line.</exception>
    public IReadOnlyList<PromotionDecision> History(string name) => PromotionLog(name).Read();

    private PromotionLog PromotionLog(string name) => new(Path.Combine(Root, name, Registry.PromotionLog.FileName));

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
