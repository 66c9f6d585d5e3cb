using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace Forecaster.Host.Tests;

/// <summary>
/// A throwaway PostgreSQL 15 cluster for the test run: initdb in a temp folder, started on 127.0.0.1 on a free port,
/// stopped (immediate) and deleted at the end. As root it runs as the 'postgres' system user (initdb refuses root).
/// Absent binaries fail the tests that need it with a message naming the package; they do not skip.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    /// <summary>Where Debian's postgresql-15 package puts its binaries; FORECASTER_PG_BIN overrides.</summary>
    public static string BinDirectory => Environment.GetEnvironmentVariable("FORECASTER_PG_BIN") is { Length: > 0 } b ? b : "/usr/lib/postgresql/15/bin";

    private string? _directory;
    private string? _startError;
    private int _databases;

    /// <summary>The server's port.</summary>
    public int Port { get; private set; }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch (Exception e)
        {
            // Reported by every test that asks for a database, so non-PostgreSQL tests still run.
            _startError = e.Message;
        }
    }

    private async Task StartAsync()
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
            throw new InvalidOperationException($"PostgreSQL binaries not found in {BinDirectory}: install them with 'apt-get install -y postgresql-15' (or set FORECASTER_PG_BIN).");
        _directory = Path.Combine(Path.GetTempPath(), $"forecaster-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", ["-R", "postgres:postgres", _directory]);
        var data = Path.Combine(_directory, "data");
        await RunPgAsync(asRoot, "initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
        Port = FreePort();
        await RunPgAsync(asRoot, "pg_ctl", ["-D", data, "-o", $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "-l", Path.Combine(_directory, "log.txt"), "-w", "start"]);
    }

    /// <summary>Creates a fresh database and returns its connection string; fails the test when the cluster is not running.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        if (_startError is not null) throw new InvalidOperationException($"The test PostgreSQL cluster did not start: {_startError}");
        var name = $"t{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..20];
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await command.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    private string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=40";

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_directory is null) return;
        try
        {
            if (Port != 0) await RunPgAsync(Environment.UserName == "root", "pg_ctl", ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        }
    }

    private static Task RunPgAsync(bool asRoot, string tool, IReadOnlyList<string> args) =>
        asRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(BinDirectory, tool), .. args]) : RunAsync(Path.Combine(BinDirectory, tool), args);

    private static async Task RunAsync(string file, IReadOnlyList<string> args)
    {
        // The postgres user may not be allowed into the caller's working directory.
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} exited {process.ExitCode}: {(await error).Trim()} {(await output).Trim()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
