using Forecaster.Publish.Charts;
using Xunit;

namespace Forecaster.Publish.Tests;

/// <summary>A date label at the axis' right end is drawn whole, not cut at the image's edge.</summary>
public class DateAxisEdgeTests
{
    [Fact]
    public void Utilization_DrawsNothingInTheImagesLastColumns_ForTheProposalsNinetyDays()
    {
        // The 90 days before 2022-06-17 09:00, as the USDT proposal of that hour drew them: its last tick label,
        // 2022-06-21, was centred near the right edge and printed as "2022-06-2".
        var end = new DateTimeOffset(2022, 6, 17, 9, 0, 0, TimeSpan.Zero);
        var times = Enumerable.Range(0, 90 * 24 + 1).Select(h => end.AddHours(h - 90 * 24)).ToList();
        var data = new UtilizationChartData("edge", times, times.Select(_ => 0.5).ToList(), 0.98, 0.9, [], []);
        var path = TestOutput.File(nameof(Utilization_DrawsNothingInTheImagesLastColumns_ForTheProposalsNinetyDays), "png");
        UtilizationChart.Create(data).SavePng(path, UtilizationChart.Size.Width, UtilizationChart.Size.Height);

        using var pixels = new PixelStats(path);
        for (var x = pixels.Width - 4; x < pixels.Width; x++)
            for (var y = 0; y < pixels.Height; y++)
            {
                var c = pixels.At(x, y);
                Assert.True(c.Red > 200 && c.Green > 200 && c.Blue > 200, $"pixel ({x}, {y}) at the right edge is {c}: a label runs off the image");
            }
    }
}
