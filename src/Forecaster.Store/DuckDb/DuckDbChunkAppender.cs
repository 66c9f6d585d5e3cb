using DuckDB.NET.Data;
using DuckDB.NET.Native;
using NativeAppender = DuckDB.NET.Native.DuckDBAppender;

namespace Forecaster.Store.DuckDb;

/// <summary>
/// A columnar bulk path into one table: rows are written straight into the column vectors of a DuckDB data chunk
/// (fixed-size values as plain memory writes, BLOB and VARCHAR values through DuckDB's string assignment) and each full
/// chunk is handed to DuckDB's appender whole. DuckDB.NET's row appender does the same through a virtual call and a type
/// dispatch per value, and that managed overhead was most of the cost of storing a chain log. The appender runs on the
/// connection's native handle, so it writes inside the connection's open transaction; closing it hands the last rows over
/// and surfaces DuckDB's refusal (a NOT NULL column left empty, a wrong type) as a <see cref="ForecasterException"/>.
/// Callers write every column of every row they start; a column left unwritten would hold the previous chunk's value.
/// </summary>
internal sealed unsafe class DuckDbChunkAppender : IDisposable
{
    private readonly NativeAppender _appender;
    private readonly DuckDBLogicalType[] _types;
    private readonly DuckDBDataChunk _chunk;
    private readonly IntPtr[] _vectors;
    private readonly void*[] _data;
    private readonly ulong*[] _validity;
    private readonly int _capacity;
    private readonly string _table;
    private int _rows;
    private bool _closed;

    public DuckDbChunkAppender(DuckDBConnection connection, string table)
    {
        _table = table;
        if (NativeMethods.Appender.DuckDBAppenderCreate(connection.NativeConnection, null!, table, out _appender) != DuckDBState.Success)
            throw new ForecasterException($"Cannot append to {table}: {AppenderError()}");
        var columns = (int)NativeMethods.Appender.DuckDBAppenderColumnCount(_appender);
        _types = new DuckDBLogicalType[columns];
        var handles = new IntPtr[columns];
        for (var c = 0; c < columns; c++)
        {
            _types[c] = NativeMethods.Appender.DuckDBAppenderColumnType(_appender, (ulong)c);
            handles[c] = _types[c].DangerousGetHandle();
        }
        _chunk = NativeMethods.DataChunks.DuckDBCreateDataChunk(handles, (ulong)columns);
        _capacity = (int)NativeMethods.Helpers.DuckDBVectorSize();
        _vectors = new IntPtr[columns];
        _data = new void*[columns];
        _validity = new ulong*[columns];
        MapVectors();
    }

    /// <summary>Starts a row and returns its index within the current chunk, handing a full chunk to DuckDB first.</summary>
    public int NextRow()
    {
        if (_rows == _capacity) Flush();
        return _rows++;
    }

    /// <summary>UTINYINT columns.</summary>
    public void SetByte(int column, int row, byte value) => ((byte*)_data[column])[row] = value;

    /// <summary>USMALLINT columns.</summary>
    public void SetUInt16(int column, int row, ushort value) => ((ushort*)_data[column])[row] = value;

    public void SetInt32(int column, int row, int value) => ((int*)_data[column])[row] = value;

    public void SetInt64(int column, int row, long value) => ((long*)_data[column])[row] = value;

    public void SetUInt32(int column, int row, uint value) => ((uint*)_data[column])[row] = value;

    /// <summary>UHUGEINT columns.</summary>
    public void SetUInt128(int column, int row, UInt128 value) => ((UInt128*)_data[column])[row] = value;

    /// <summary>HUGEINT columns, and DECIMAL(38, s) columns given their unscaled value.</summary>
    public void SetInt128(int column, int row, Int128 value) => ((Int128*)_data[column])[row] = value;

    /// <summary>BLOB columns, and VARCHAR columns given UTF-8 bytes. DuckDB copies the bytes.</summary>
    public void SetBytes(int column, int row, ReadOnlySpan<byte> value)
    {
        fixed (byte* bytes = value)
            NativeMethods.Vectors.DuckDBVectorAssignStringElementLength(_vectors[column], (ulong)row, bytes, value.Length);
    }

    public void SetNull(int column, int row)
    {
        if (_validity[column] is null)
        {
            NativeMethods.Vectors.DuckDBVectorEnsureValidityWritable(_vectors[column]);
            _validity[column] = NativeMethods.Vectors.DuckDBVectorGetValidity(_vectors[column]);
        }
        _validity[column][row / 64] &= ~(1UL << (row % 64));
    }

    /// <summary>Hands the remaining rows to DuckDB and closes the appender; until then DuckDB may hold rows back.</summary>
    /// <exception cref="ForecasterException">DuckDB refused a row.</exception>
    public void Close()
    {
        if (_closed) return;
        Flush();
        _closed = true;
        if (NativeMethods.Appender.DuckDBAppenderClose(_appender) != DuckDBState.Success)
            throw new ForecasterException($"Appending to {_table} failed: {AppenderError()}");
    }

    public void Dispose()
    {
        // Without Close (a row was refused on the way), whatever the appender still holds is discarded with the caller's
        // transaction, which rolls back.
        _closed = true;
        _appender.Dispose();
        _chunk.Dispose();
        foreach (var type in _types) type.Dispose();
    }

    private void Flush()
    {
        if (_rows == 0) return;
        NativeMethods.DataChunks.DuckDBDataChunkSetSize(_chunk, (ulong)_rows);
        if (NativeMethods.Appender.DuckDBAppendDataChunk(_appender, _chunk) != DuckDBState.Success)
            throw new ForecasterException($"Appending to {_table} failed: {AppenderError()}");
        NativeMethods.DataChunks.DuckDBDataChunkReset(_chunk);
        _rows = 0;
        MapVectors();
    }

    // A reset chunk may hand out fresh validity masks, so vector pointers are looked up again for every chunk.
    private void MapVectors()
    {
        for (var c = 0; c < _vectors.Length; c++)
        {
            _vectors[c] = NativeMethods.DataChunks.DuckDBDataChunkGetVector(_chunk, c);
            _data[c] = NativeMethods.Vectors.DuckDBVectorGetData(_vectors[c]);
            _validity[c] = null;
        }
    }

    private string AppenderError()
    {
        using var error = NativeMethods.Appender.DuckDBAppenderErrorData(_appender);
        return NativeMethods.ErrorData.DuckDBErrorDataMessage(error);
    }
}
