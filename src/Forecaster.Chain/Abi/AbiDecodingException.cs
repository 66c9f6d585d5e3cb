namespace Forecaster.Chain.Abi;

/// <summary>ABI data that does not have the expected layout (too short, a value out of its type's range).</summary>
public sealed class AbiDecodingException(string message) : FormatException(message);
