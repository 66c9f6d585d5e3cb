namespace Forecaster.Publish.Tests;

/// <summary>Where tests save images for a person to look at: TestResults/ under the test binaries, named after the test.</summary>
internal static class TestOutput
{
    public static string Folder
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static string File(string testName, string extension) => Path.Combine(Folder, $"{testName}.{extension}");
}
