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

    /// <summary>Writes one file, PNG or SVG as its extension says, creating its folder.</summary>
    /// <exception cref="ArgumentException">The file name ends in neither .png nor .svg.</exception>
    public static void SaveAs(Plot plot, string path, (int Width, int Height) size)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".png" or ".svg")) throw new ArgumentException($"{path}: a chart file must end in .png or .svg.", nameof(path));
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (extension == ".png") plot.SavePng(full, size.Width, size.Height);
        else plot.SaveSvg(full, size.Width, size.Height);
    }
}
