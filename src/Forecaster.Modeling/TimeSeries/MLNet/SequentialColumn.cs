using Microsoft.ML.Data;

namespace Forecaster.Modeling.TimeSeries.MLNet;

/// <summary>An output column of a sequential transformer: name and vector length; Single vectors for forecasts (as ML.NET), Double otherwise.</summary>
internal sealed record SequentialColumn(string Name, int Length, bool IsSingle)
{
    public VectorDataViewType Type => new(IsSingle ? NumberDataViewType.Single : NumberDataViewType.Double, Length);
}
