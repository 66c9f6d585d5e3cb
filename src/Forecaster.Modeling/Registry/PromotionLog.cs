using System.Text.Json;
using Forecaster.Modeling.Persistence;

namespace Forecaster.Modeling.Registry;

/// <summary>
/// A model name's append-only record of promotion decisions, <c>&lt;root&gt;/&lt;name&gt;/promotions.jsonl</c>: one JSON
/// <see cref="PromotionDecision"/> a line, oldest first. Saved versions are never rewritten, so the decisions made about
/// them after they were saved (by <c>models promote</c>, a later <c>train</c>) live here.
/// </summary>
/// <param name="path">The log file.</param>
public sealed class PromotionLog(string path)
{
    /// <summary>The log's file name inside a model name's folder.</summary>
    public const string FileName = "promotions.jsonl";

    private static readonly JsonSerializerOptions Json = new(ModelRegistry.Json)
    {
        WriteIndented = false,
        // A line missing a field is corrupt, not a decision with a default in its place.
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>The log file, absolute.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Every decision, oldest first; none when the file does not exist.</summary>
    /// <exception cref="ModelFormatException">A line is not a decision; the message names the file and the line.</exception>
    public IReadOnlyList<PromotionDecision> Read()
    {
        if (!File.Exists(Path)) return [];
        var decisions = new List<PromotionDecision>();
        var number = 0;
        foreach (var line in File.ReadLines(Path))
        {
            number++;
            PromotionDecision? decision;
            try { decision = JsonSerializer.Deserialize<PromotionDecision>(line, Json); }
            catch (JsonException e) { throw Corrupt(number, e.Message.Split(". ")[0]); }
            if (decision is null || decision.Version < 1) throw Corrupt(number, "no version");
            decisions.Add(decision);
        }
        return decisions;
    }

    /// <summary>Appends one decision as one line, creating the file.</summary>
    /// <exception cref="ForecasterException">The line could not be written; the message names the file.</exception>
    public void Append(PromotionDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        try { File.AppendAllText(Path, JsonSerializer.Serialize(decision, Json) + "\n"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ForecasterException($"{Path}: cannot append the promotion decision ({e.Message}).", e);
        }
    }

    private ModelFormatException Corrupt(int line, string reason) => new($"{Path} line {line}: not a promotion decision ({reason}).");
}
