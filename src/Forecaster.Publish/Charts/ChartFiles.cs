using ScottPlot;

namespace Forecaster.Publish.Charts;

/// <summary>Saves a chart as PNG (for the HTML brief and chat) and SVG (for forum posts and print), side by side.</summary>
public static class ChartFiles
{
    /// <summary>Writes <c>&lt;baseName&gt;.png</c> and <c>&lt;baseName&gt;.svg</c> into the folder; returns both file names.</summary>
    public static (string PngFile, string SvgFile) Save(Plot plot, string directory, string baseName, (int Width, int Height) size)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentException.ThrowIfNullOrWhiteSpace(baseName);
        var png = baseName + ".png";
        var svg = baseName + ".svg";
        plot.SavePng(Path.Combine(directory, png), size.Width, size.Height);
        plot.SaveSvg(Path.Combine(directory, svg), size.Width, size.Height);
        return (png, svg);
    }
}
