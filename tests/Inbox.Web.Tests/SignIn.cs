using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbox.Web.Tests;

/// <summary>Signing in through the login page, as a person does.</summary>
internal static class SignIn
{
    /// <summary>Opens the app, signs in and waits until the live connection is up.</summary>
    public static async Task AsAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/");
        var login = page.GetByTestId("login-form");
        await login.Locator("input[name=email]").FillAsync(email);
        await login.Locator("input[name=password]").FillAsync(password);
        await login.Locator("button[type=submit]").ClickAsync();
        await Expect(login).ToBeHiddenAsync();
        await Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("connected");
    }
}
