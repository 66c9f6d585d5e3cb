using Microsoft.Playwright;
using Xunit;

namespace Forecaster.Publish.Tests;

/// <summary>
/// Opens the HTML brief in real headless Chromium (Debian's chromium package, never a Playwright-downloaded browser)
/// and checks it as a reader would see it.
/// </summary>
public sealed class BriefBrowserTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    [Fact]
    public async Task HtmlBrief_LoadsWithoutErrorsAllChartsAndRiskiestFirst_WhenOpenedInChromium()
    {
        if (!File.Exists(ChromiumPath))
            Assert.Skip($"{ChromiumPath} not found: install it with 'apt-get install -y chromium' to run the browser check.");
        // Belt and braces: Playwright must never fetch a browser of its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        await using var f = await BriefFixture.CreateAsync();
        var result = await f.BriefAsync(SimulatedMarkets.ShortfallAsOf);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") problems.Add($"console {message.Type}: {message.Text}"); };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url}");

        await page.GotoAsync(new Uri(result.HtmlPath).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        var images = await page.EvaluateAsync<ImageState[]>(
            "() => Array.from(document.images).map(i => ({ alt: i.alt, complete: i.complete, width: i.naturalWidth, height: i.naturalHeight, shown: i.getBoundingClientRect().width }))");
        var expectedCharts = result.Brief.Entries.Sum(e => e.Charts.Count) + 1;
        Assert.Equal(expectedCharts, images.Length);
        Assert.All(images, i => Assert.True(i.Complete && i.Width > 0 && i.Height > 0 && i.Shown > 0, $"chart '{i.Alt}' did not load: {i}"));

        var rows = await page.EvaluateAsync<RowState[]>(
            "() => Array.from(document.querySelectorAll('#risk-table tbody tr')).map(r => ({ market: r.dataset.market, status: r.dataset.status }))");
        Assert.Equal(result.Brief.Entries.Count, rows.Length);
        Assert.Equal("sim_usdc", rows[0].Market);
        Assert.Equal("red", rows[0].Status);
        var rank = new Dictionary<string, int> { ["red"] = 3, ["amber"] = 2, ["green"] = 1, ["none"] = 0 };
        for (var i = 1; i < rows.Length; i++)
            Assert.True(rank[rows[i - 1].Status] >= rank[rows[i].Status], $"row {i} ({rows[i]}) is riskier than row {i - 1} ({rows[i - 1]}).");

        // The first screen answers the goal: the headline names the riskiest market and the proposed action.
        var headline = await page.Locator("#headline").InnerTextAsync();
        Assert.Contains("Riskiest market: sim_usdc", headline);
        Assert.Contains("Proposed action:", headline);
        Assert.True(await page.Locator("#headline").IsVisibleAsync());
        var box = await page.Locator("#risk-table tbody tr").First.BoundingBoxAsync();
        Assert.True(box is not null && box.Y + box.Height < 900, "the riskiest market's row is not on the first screen.");

        var name = nameof(HtmlBrief_LoadsWithoutErrorsAllChartsAndRiskiestFirst_WhenOpenedInChromium);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestOutput.File(name, "png") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestOutput.File(name + "_full", "png"), FullPage = true });
        Assert.True(new FileInfo(TestOutput.File(name, "png")).Length > 10_000);
        Assert.Empty(problems);
    }

    // Mutable with a parameterless constructor: Playwright's result converter needs to create and fill them.
    private sealed class ImageState
    {
        public string Alt { get; set; } = "";
        public bool Complete { get; set; }
        public int Width { get; set; }
        public int Height { get; set; }
        public double Shown { get; set; }

        public override string ToString() => $"complete={Complete}, natural {Width}x{Height}, shown width {Shown}";
    }

    private sealed class RowState
    {
        public string Market { get; set; } = "";
        public string Status { get; set; } = "";

        public override string ToString() => $"{Market} {Status}";
    }
}
