namespace Forecaster.Publish.Brief;

/// <summary>The HTML brief's stylesheet, inline so the file stays self-contained (mail, chat, offline).</summary>
internal static class BriefHtmlStyle
{
    public const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 1000px; padding: 16px 24px 48px; color: #212121; line-height: 1.45; }
        h1 { font-size: 1.6em; margin: 0.2em 0; } h2 { margin-top: 1.6em; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
        .meta { color: #616161; margin-top: 0; }
        .simulated { background: #fff3e0; border-left: 6px solid #ef8f00; padding: 8px 12px; font-weight: 600; }
        .headline { border-left: 8px solid #2e7d32; background: #f5f5f5; padding: 10px 14px; font-size: 1.15em; margin: 12px 0; }
        .headline.red { border-color: #c62828; background: #ffebee; } .headline.amber { border-color: #ef8f00; background: #fff8e1; }
        .headline p { margin: 4px 0; }
        table { border-collapse: collapse; width: 100%; font-size: 0.95em; }
        th, td { border-bottom: 1px solid #e0e0e0; padding: 6px 8px; text-align: left; vertical-align: top; }
        th { background: #fafafa; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .light { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 50%; vertical-align: -0.1em; margin-right: 6px; border: 1px solid rgba(0,0,0,0.25); }
        .light.red { background: #c62828; } .light.amber { background: #ef8f00; } .light.green { background: #2e7d32; } .light.none { background: #bdbdbd; }
        .worse { color: #c62828; font-weight: 600; }
        .empty { color: #616161; font-style: italic; }
        td:first-child { white-space: nowrap; }
        figure { margin: 16px 0 24px; } figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { color: #616161; font-size: 0.9em; }
        .market { margin-top: 2em; } .note { color: #616161; font-size: 0.9em; }
        footer { margin-top: 3em; color: #757575; font-size: 0.85em; }
        """;
}
