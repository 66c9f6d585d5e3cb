using SkiaSharp;

namespace Forecaster.Publish.Tests;

/// <summary>Reads a PNG back and measures it: size, luminance variance, colours at given pixels.</summary>
internal sealed class PixelStats : IDisposable
{
    private readonly SKBitmap _bitmap;

    public PixelStats(string pngPath)
    {
        _bitmap = SKBitmap.Decode(pngPath) ?? throw new InvalidOperationException($"{pngPath} is not a decodable image.");
    }

    public int Width => _bitmap.Width;
    public int Height => _bitmap.Height;

    /// <summary>Variance of luminance (0–255 scale) over every pixel: a blank or single-colour image gives 0.</summary>
    public double LuminanceVariance()
    {
        double sum = 0, sumSq = 0;
        var n = (double)Width * Height;
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
            {
                var c = _bitmap.GetPixel(x, y);
                var l = 0.2126 * c.Red + 0.7152 * c.Green + 0.0722 * c.Blue;
                sum += l;
                sumSq += l * l;
            }
        var mean = sum / n;
        return sumSq / n - mean * mean;
    }

    /// <summary>Distinct colours, a cheap check that a chart is more than a background and one line.</summary>
    public int DistinctColors()
    {
        var set = new HashSet<uint>();
        for (var y = 0; y < Height; y += 2)
            for (var x = 0; x < Width; x += 2)
                set.Add((uint)_bitmap.GetPixel(x, y));
        return set.Count;
    }

    public SKColor At(int x, int y) => _bitmap.GetPixel(x, y);

    public void Dispose() => _bitmap.Dispose();
}
