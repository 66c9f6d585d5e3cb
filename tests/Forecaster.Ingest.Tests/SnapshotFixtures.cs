using System.IO.Compression;
using System.Text;

namespace Forecaster.Ingest.Tests;

/// <summary>Small hand-made snapshot files in the shared data's schema.</summary>
internal static class SnapshotFixtures
{
    public const string Header = "hour_utc,timestamp,block,TVL_USD,supplied_USD,borrowed_USD,liquidations,token_balance,lender_variable_apr,lender_stable_apr,borrower_variable_apr,borrower_stable_apr";

    /// <summary>
    /// Two pre-open zero rows, then 6 hours: hour 3 forward-filled (same timestamp as hour 2), hour 5 with borrows above
    /// deposits, a two-hour hole before the last row, and hour 4 without rates.
    /// </summary>
    public static readonly string Messy = string.Join('\n',
        Header,
        "2022-01-01T00:00:00Z,1640995200,100,0,0,0,0,0,,,,",
        "2022-01-01T01:00:00Z,1640995200,100,0,0,0,0,0,,,,",
        "2022-01-01T02:00:00Z,1641002400,102,1000,1000,500,0,1000,1.5,,3.0,8",
        "2022-01-01T03:00:00Z,1641002400,102,1000,1000,500,0,1000,1.5,,3.0,8",
        "2022-01-01T04:00:00Z,1641009600,104,900,900,600,10,900,,,,",
        "2022-01-01T05:00:00Z,1641013200,105,800,800,820,0,800,9.0,,12.0,15",
        "2022-01-01T06:00:00Z,1641016800,106,850,850,600,0,850,2.0,,4.0,9",
        "2022-01-01T09:00:00Z,1641027600,109,870,870,610,0,870,2.0,,4.0,9") + "\n";

    public static string Write(string directory, string name, string content)
    {
        var path = Path.Combine(directory, name);
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var file = File.Create(path);
            using var gzip = new GZipStream(file, CompressionLevel.Fastest);
            gzip.Write(Encoding.UTF8.GetBytes(content));
        }
        else
        {
            File.WriteAllText(path, content);
        }
        return path;
    }

    /// <summary>Replaces one line (1-based, header is 1) of a CSV text.</summary>
    public static string WithLine(string content, int line, string replacement)
    {
        var lines = content.TrimEnd('\n').Split('\n');
        lines[line - 1] = replacement;
        return string.Join('\n', lines) + "\n";
    }
}
