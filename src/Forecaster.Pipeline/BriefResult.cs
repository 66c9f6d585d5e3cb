using Forecaster.Publish.Brief;

namespace Forecaster.Pipeline;

/// <summary>A written brief and where its files are.</summary>
/// <param name="Brief">The brief.</param>
/// <param name="Directory">The dated folder holding brief.md, brief.json, brief.html and the charts.</param>
public sealed record BriefResult(MorningBrief Brief, string Directory)
{
    /// <summary>The Markdown brief.</summary>
    public string MarkdownPath => Path.Combine(Directory, "brief.md");

    /// <summary>The JSON brief.</summary>
    public string JsonPath => Path.Combine(Directory, "brief.json");

    /// <summary>The self-contained HTML brief.</summary>
    public string HtmlPath => Path.Combine(Directory, "brief.html");
}
