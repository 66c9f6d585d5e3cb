namespace Forecaster.Chain.Aave;

/// <summary>What ingestion knows of one reserve of a pool.</summary>
/// <param name="Asset">0x-prefixed address of the underlying token, lower case.</param>
/// <param name="Symbol">Token symbol as the token reports it, upper case.</param>
/// <param name="Decimals">Token decimals (raw amount / 10^Decimals = whole tokens).</param>
/// <param name="MarketName">Forecaster market name, e.g. <c>aave_v3_usdc</c>.</param>
/// <param name="UsdPrice">Fixed USD per whole token (see <see cref="Ingestion.UsdPricing"/>), used for hours without a stored price;
/// NaN when the reserve has none and is valued from stored hourly prices only (see <see cref="Ingestion.UsdPriceBook"/>).</param>
public sealed record ReserveInfo(string Asset, string Symbol, int Decimals, string MarketName, double UsdPrice);
