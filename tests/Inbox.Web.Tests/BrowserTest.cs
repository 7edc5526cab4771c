using Inbox.Testing;
using static Microsoft.Playwright.Assertions;

namespace Inbox.Web.Tests;

/// <summary>A browser test's setting: its own running system and a headless Chromium, both stopped afterwards.</summary>
public abstract class BrowserTest : IAsyncLifetime
{
    /// <summary>How long a live update may take to show (ms).</summary>
    protected const float Live = 10_000;

    private InboxSystem? _system;
    private Browser? _browser;

    protected InboxSystem System => _system ?? throw new InvalidOperationException("The system has not started.");

    internal Browser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async ValueTask InitializeAsync()
    {
        SetDefaultExpectTimeout(Live);
        _system = await InboxSystem.StartAsync();
        _browser = await Browser.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_system is not null)
        {
            await _system.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
