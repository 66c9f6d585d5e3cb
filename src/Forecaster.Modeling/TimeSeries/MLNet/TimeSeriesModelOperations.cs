using System.IO.Compression;
using Forecaster.Modeling.Persistence;
using Microsoft.ML;

namespace Forecaster.Modeling.TimeSeries.MLNet;

/// <summary>
/// Saving and loading the time-series transformers through <c>mlContext.Model</c>. ML.NET 5.0.1 keeps the hooks
/// its own <c>Save</c>/<c>Load</c> need (<c>ModelSaveContext</c> members, <c>LoadableClassAttribute</c>) internal, and
/// its public custom-mapping route cannot carry fitted state, so the model is written as a zip (like ML.NET's) holding
/// one entry, <c>Forecaster/TimeSeries/model.bin</c>: a header with a format version checked on load, the model kind,
/// the column names and the model's own versioned state.
/// </summary>
public static class TimeSeriesModelOperations
{
    /// <summary>Name of the zip entry holding the model.</summary>
    public const string EntryName = "Forecaster/TimeSeries/model.bin";

    private const string Kind = "transformer";
    private const int FormatVersion = 1;

    /// <summary>Writes <paramref name="model"/> to <paramref name="stream"/> as a zip.</summary>
    /// <param name="catalog">mlContext.Model.</param>
    /// <param name="model">A fitted time-series transformer.</param>
    /// <param name="stream">Destination; left open.</param>
    public static void SaveTimeSeriesModel(this ModelOperationsCatalog catalog, TimeSeriesTransformer model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using var entry = zip.CreateEntry(EntryName).Open();
        using var writer = new BinaryWriter(entry);
        StateHeader.Write(writer, Kind, FormatVersion);
        writer.Write(model.Kind);
        writer.Write(model.InputColumnName);
        model.SaveState(writer);
    }

    /// <summary>Writes <paramref name="model"/> to the file <paramref name="path"/>.</summary>
    /// <param name="catalog">mlContext.Model.</param>
    /// <param name="model">A fitted time-series transformer.</param>
    /// <param name="path">Destination file, overwritten.</param>
    public static void SaveTimeSeriesModel(this ModelOperationsCatalog catalog, TimeSeriesTransformer model, string path)
    {
        using var file = File.Create(path);
        catalog.SaveTimeSeriesModel(model, file);
    }

    /// <summary>Reads a model written by <see cref="SaveTimeSeriesModel(ModelOperationsCatalog, TimeSeriesTransformer, Stream)"/>.</summary>
    /// <param name="catalog">mlContext.Model.</param>
    /// <param name="stream">Source; left open.</param>
    /// <exception cref="ModelFormatException">Not such a model, another format version, or damaged.</exception>
    public static TimeSeriesTransformer LoadTimeSeriesModel(this ModelOperationsCatalog catalog, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var entry = zip.GetEntry(EntryName)
                ?? throw new ModelFormatException($"The model holds no entry '{EntryName}': it is not a Forecaster time-series model.");
            // Entry streams cannot seek; the nested states read their own headers from the same stream, so buffer it.
            using var buffer = new MemoryStream();
            using (var source = entry.Open()) source.CopyTo(buffer);
            buffer.Position = 0;
            using var reader = new BinaryReader(buffer);
            StateHeader.Read(reader, Kind, FormatVersion);
            var kind = reader.ReadString();
            var input = reader.ReadString();
            return kind switch
            {
                "ssa" => SsaForecastingTransformer.LoadState(reader, input),
                "srcnn" => SrCnnAnomalyTransformer.LoadState(reader, input),
                "iidspike" => IidSpikeTransformer.LoadState(reader, input),
                "iidchangepoint" => IidChangePointTransformer.LoadState(reader, input),
                "relativeentropy" => RelativeEntropyAnomalyTransformer.LoadState(reader, input),
                _ => throw new ModelFormatException($"Unknown time-series model kind '{kind}'."),
            };
        }
        catch (InvalidDataException e)
        {
            throw new ModelFormatException("The model is not a readable zip archive.", e);
        }
        catch (EndOfStreamException e)
        {
            throw new ModelFormatException("The time-series model is truncated.", e);
        }
    }

    /// <summary>Reads a model from the file <paramref name="path"/>.</summary>
    /// <param name="catalog">mlContext.Model.</param>
    /// <param name="path">Source file.</param>
    /// <exception cref="ModelFormatException">Not such a model, another format version, or damaged.</exception>
    public static TimeSeriesTransformer LoadTimeSeriesModel(this ModelOperationsCatalog catalog, string path)
    {
        using var file = File.OpenRead(path);
        return catalog.LoadTimeSeriesModel(file);
    }
}
