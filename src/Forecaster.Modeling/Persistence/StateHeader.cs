namespace Forecaster.Modeling.Persistence;

/// <summary>
/// The header every saved model state starts with: a kind tag and a format version.
/// Loading checks both, so a file from another model or a future format fails with a clear message
/// instead of being misread (ML.NET's VersionInfo does the same for its own models).
/// </summary>
public static class StateHeader
{
    /// <summary>Writes the kind tag and format version.</summary>
    /// <param name="writer">Destination.</param>
    /// <param name="kind">Model kind, e.g. <c>ssa</c>.</param>
    /// <param name="version">Format version of that kind.</param>
    public static void Write(BinaryWriter writer, string kind, int version)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("Forecaster.TimeSeries");
        writer.Write(kind);
        writer.Write(version);
    }

    /// <summary>Reads and checks the header.</summary>
    /// <param name="reader">Source positioned at the header.</param>
    /// <param name="kind">Expected kind.</param>
    /// <param name="version">Supported format version.</param>
    /// <exception cref="ModelFormatException">The header is missing, of another kind or of another version.</exception>
    public static void Read(BinaryReader reader, string kind, int version)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string magic, foundKind;
        int foundVersion;
        try
        {
            magic = reader.ReadString();
            foundKind = reader.ReadString();
            foundVersion = reader.ReadInt32();
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException)
        {
            throw new ModelFormatException($"Saved {kind} model state is truncated or not a Forecaster model.", e);
        }
        if (magic != "Forecaster.TimeSeries")
            throw new ModelFormatException($"Saved {kind} model state is not a Forecaster time-series model (header '{magic}').");
        if (foundKind != kind)
            throw new ModelFormatException($"Saved model is a '{foundKind}' model, expected '{kind}'.");
        if (foundVersion != version)
            throw new ModelFormatException($"Saved {kind} model has format version {foundVersion}; this build reads version {version} only.");
    }
}
