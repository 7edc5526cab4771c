using Inbox.Testing;
using Microsoft.Playwright;

namespace Inbox.Web.Tests;

/// <summary>
/// The system's Chromium (Debian's, headless; never a downloaded one) driven by Playwright, with a context per person
/// and screenshots saved under artifacts/tests/screenshots and attached to the test result.
/// </summary>
internal sealed class Browser : IAsyncDisposable
{
    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArguments });
        return new Browser(playwright, browser);
    }

    /// <summary>A separate browser context: its own cookies and localStorage, as another person's browser.</summary>
    public async Task<IBrowserContext> NewPersonAsync(InboxSystem system) =>
        await _browser.NewContextAsync(new()
        {
            BaseURL = system.GatewayUrl.ToString(),
            ViewportSize = new() { Width = 1280, Height = 800 },
            Locale = "en-US",
        });

    /// <summary>Saves a PNG of the page under artifacts/tests/screenshots and attaches it to the test result.</summary>
    public static async Task SnapAsync(IPage page, string name)
    {
        var fileName = $"{name}.png";
        var png = await page.ScreenshotAsync(new()
        {
            Path = Path.Combine(RepoPaths.ArtifactsDirectory("screenshots"), fileName),
            Animations = ScreenshotAnimations.Disabled,
            FullPage = true,
        });
        TestContext.Current.AddAttachment(fileName, png, "image/png");
    }

    /// <summary>What the page showed when the test failed, if it can still be captured; the failure is what matters.</summary>
    public static async Task SnapAfterFailureAsync(IPage page, string name)
    {
        try
        {
            await SnapAsync(page, name);
        }
        catch (PlaywrightException)
        {
            // The browser is gone; nothing to show.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
