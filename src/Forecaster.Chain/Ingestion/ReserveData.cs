namespace Forecaster.Chain.Ingestion;

/// <summary>What <c>getReserveData</c> tells of a reserve at one block.</summary>
/// <param name="Indexes">Indexes and rates as of the reserve's last update.</param>
/// <param name="AToken">aToken address (deposits).</param>
/// <param name="StableDebtToken">Stable debt token address; zero from Aave v3.2 on.</param>
/// <param name="VariableDebtToken">Variable debt token address.</param>
public sealed record ReserveData(ReserveIndexes Indexes, string AToken, string StableDebtToken, string VariableDebtToken);
