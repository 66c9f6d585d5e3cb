namespace Forecaster.Publish.Brief;

/// <summary>A chart written beside the brief, in PNG and SVG.</summary>
/// <param name="Kind">What it shows: one of <see cref="BriefChartKinds"/>.</param>
/// <param name="Title">Heading shown above it.</param>
/// <param name="PngFile">PNG file name, relative to the brief's folder.</param>
/// <param name="SvgFile">SVG file name, relative to the brief's folder.</param>
/// <param name="Caption">How to read it and which method produced it.</param>
public sealed record BriefChart(string Kind, string Title, string PngFile, string SvgFile, string Caption);
