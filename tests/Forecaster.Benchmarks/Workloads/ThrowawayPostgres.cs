using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>A PostgreSQL 15 cluster in a temp folder on 127.0.0.1, for one benchmark run (as the tests' fixture does).</summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _directory;
    private readonly int _port;

    private ThrowawayPostgres(string directory, int port) { _directory = directory; _port = port; }

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        if (!File.Exists(Path.Combine(Bin, "initdb"))) throw new InvalidOperationException($"PostgreSQL binaries not found in {Bin}: apt-get install -y postgresql-15.");
        var directory = Directory.CreateTempSubdirectory("bench-pg").FullName;
        if (Environment.UserName == "root") await RunAsync("chown", "-R", "postgres:postgres", directory);
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        await PgAsync("initdb", "-D", Path.Combine(directory, "data"), "-U", "postgres", "--auth=trust", "--no-sync");
        await PgAsync("pg_ctl", "-D", Path.Combine(directory, "data"), "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=200",
            "-l", Path.Combine(directory, "log.txt"), "-w", "start");
        return new ThrowawayPostgres(directory, port);
    }

    public async Task<string> CreateDatabaseAsync()
    {
        await using var admin = new NpgsqlConnection($"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres");
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE DATABASE bench", admin);
        await command.ExecuteNonQueryAsync();
        return $"Host=127.0.0.1;Port={_port};Username=postgres;Database=bench";
    }

    public async ValueTask DisposeAsync()
    {
        await PgAsync("pg_ctl", "-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop");
        Directory.Delete(_directory, true);
    }

    private static Task PgAsync(string tool, params string[] args) =>
        Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(Bin, tool), .. args]) : RunAsync(Path.Combine(Bin, tool), args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var err = p.StandardError.ReadToEndAsync();
        await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} exited {p.ExitCode}: {await err}");
    }
}
