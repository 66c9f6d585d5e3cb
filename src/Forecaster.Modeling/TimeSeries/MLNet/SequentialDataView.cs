using Microsoft.ML;
using Microsoft.ML.Data;

namespace Forecaster.Modeling.TimeSeries.MLNet;

/// <summary>A view over the input with columns computed sequentially; every cursor replays from a fresh mapper.</summary>
internal sealed class SequentialDataView : IDataView
{
    private readonly IDataView _input;
    private readonly string _inputColumn;
    private readonly IReadOnlyList<SequentialColumn> _outputs;
    private readonly Func<ISequentialMapper> _createMapper;

    public SequentialDataView(IDataView input, string inputColumn, DataViewSchema schema, IReadOnlyList<SequentialColumn> outputs, Func<ISequentialMapper> createMapper)
    {
        _input = input;
        _inputColumn = inputColumn;
        Schema = schema;
        _outputs = outputs;
        _createMapper = createMapper;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var inputSchema = _input.Schema;
        var source = inputSchema[_inputColumn];
        // Every row's observation is needed whatever the caller asks for: the state advances on each row.
        var needed = columnsNeeded.Where(c => !IsOutput(c.Index))
            .Select(c => inputSchema[c.Index]).Append(source).Distinct().ToList();
        return new SequentialCursor(this, _input.GetRowCursor(needed), source, _createMapper());
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private bool IsOutput(int index) => index >= _input.Schema.Count;

    private sealed class SequentialCursor : DataViewRowCursor
    {
        private readonly SequentialDataView _view;
        private readonly DataViewRowCursor _cursor;
        private readonly ValueGetter<double> _value;
        private readonly ISequentialMapper _mapper;
        private readonly double[][] _outputs;

        public SequentialCursor(SequentialDataView view, DataViewRowCursor cursor, DataViewSchema.Column source, ISequentialMapper mapper)
        {
            _view = view;
            _cursor = cursor;
            _mapper = mapper;
            _outputs = view._outputs.Select(o => new double[o.Length]).ToArray();
            if (source.Type == NumberDataViewType.Single)
            {
                var getter = cursor.GetGetter<float>(source);
                _value = (ref double v) => { float f = 0; getter(ref f); v = f; };
            }
            else
            {
                _value = cursor.GetGetter<double>(source);
            }
        }

        public override DataViewSchema Schema => _view.Schema;
        public override long Position => _cursor.Position;
        public override long Batch => _cursor.Batch;

        public override bool MoveNext()
        {
            if (!_cursor.MoveNext()) return false;
            double value = 0;
            _value(ref value);
            if (!double.IsFinite(value))
                throw new ForecasterException($"Column '{_view._inputColumn}' row {_cursor.Position} is {value}; time-series models need a finite value on every row.");
            _mapper.Process(value, _outputs);
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => _cursor.GetIdGetter();

        public override bool IsColumnActive(DataViewSchema.Column column) =>
            _view.IsOutput(column.Index) || _cursor.IsColumnActive(_view._input.Schema[column.Index]);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!_view.IsOutput(column.Index)) return _cursor.GetGetter<TValue>(_view._input.Schema[column.Index]);
            var slot = column.Index - _view._input.Schema.Count;
            var values = _outputs[slot];
            if (_view._outputs[slot].IsSingle)
            {
                ValueGetter<VBuffer<float>> single = (ref VBuffer<float> dst) =>
                {
                    var editor = VBufferEditor.Create(ref dst, values.Length);
                    for (var i = 0; i < values.Length; i++) editor.Values[i] = (float)values[i];
                    dst = editor.Commit();
                };
                return single as ValueGetter<TValue> ?? throw new InvalidOperationException($"Column '{column.Name}' is a Single vector, not {typeof(TValue).Name}.");
            }
            ValueGetter<VBuffer<double>> getter = (ref VBuffer<double> dst) =>
            {
                var editor = VBufferEditor.Create(ref dst, values.Length);
                values.CopyTo(editor.Values);
                dst = editor.Commit();
            };
            return getter as ValueGetter<TValue> ?? throw new InvalidOperationException($"Column '{column.Name}' is a Double vector, not {typeof(TValue).Name}.");
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _cursor.Dispose();
            base.Dispose(disposing);
        }
    }
}
