using Inbox.Testing;
using static Microsoft.Playwright.Assertions;

namespace Inbox.Web.Tests;

/// <summary>
/// An admin adds a keyword rule on the Routing page and saves it; it is there after a reload and routes the next
/// customer who writes the word; a rule the server refuses shows the server's reason. Screenshots go to
/// artifacts/tests/screenshots.
/// </summary>
public sealed class RoutingPagesTests : BrowserTest
{
    [Fact]
    public async Task An_admin_adds_a_keyword_rule_that_routes_the_next_customer_and_sees_why_a_bad_rule_is_refused()
    {
        var system = System;
        await using var context = await Browser.NewPersonAsync(system);
        var admin = await context.NewPageAsync();

        try
        {
            // 1. The admin opens the Routing page: the defaults, and no rules.
            await SignIn.AsAsync(admin, InboxSystem.AdminEmail, InboxSystem.AdminPassword);
            await admin.GetByTestId("nav-routing").ClickAsync();
            var page = admin.GetByTestId("routing-page");
            await Expect(page.GetByTestId("setting-defaultCapacity")).ToHaveValueAsync("10");
            await Expect(page.GetByTestId("rule")).ToHaveCountAsync(0);

            // 2. She adds "Refunds": the word "refund" sends a conversation to Tier 1 at high priority; saved.
            await page.GetByTestId("add-rule").ClickAsync();
            var rule = page.GetByTestId("rule").Nth(0);
            await rule.GetByTestId("rule-name").FillAsync("Refunds");
            await rule.GetByTestId("rule-keywords").FillAsync("refund, chargeback");
            await rule.GetByTestId("rule-team").SelectOptionAsync("tier1");
            await rule.GetByTestId("rule-priority").SelectOptionAsync("high");
            await page.GetByTestId("save-routing").ClickAsync();
            await Expect(page.GetByTestId("routing-saved")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("routing-error")).ToHaveCountAsync(0);
            await Browser.SnapAsync(admin, "routing-01-rule-saved");

            // It is stored: after a reload it is still there, with its id made from its name.
            await admin.ReloadAsync();
            await Expect(page.GetByTestId("rule")).ToHaveCountAsync(1);
            await Expect(rule).ToHaveAttributeAsync("data-rule-id", "refunds");
            await Expect(rule.GetByTestId("rule-name")).ToHaveValueAsync("Refunds");
            await Expect(rule.GetByTestId("rule-keywords")).ToHaveValueAsync("refund, chargeback");

            // 3. A rule the server refuses (a language that is no language tag) shows the server's reason, and the
            //    stored rules stay as they were.
            await page.GetByTestId("add-rule").ClickAsync();
            var bad = page.GetByTestId("rule").Nth(1);
            await bad.GetByTestId("rule-name").FillAsync("English speakers");
            await bad.GetByTestId("rule-languages").FillAsync("english please");
            await bad.GetByTestId("rule-priority").SelectOptionAsync("low");
            await page.GetByTestId("save-routing").ClickAsync();
            await Expect(page.GetByTestId("routing-error")).ToHaveTextAsync("rule 2: 'english please' is not a language tag such as 'en' or 'pt-BR'.");
            await Browser.SnapAsync(admin, "routing-02-bad-rule-refused");
            await page.GetByTestId("rule").Nth(1).GetByTestId("rule-remove").ClickAsync();
            await page.GetByTestId("save-routing").ClickAsync();
            await Expect(page.GetByTestId("routing-saved")).ToBeVisibleAsync();

            // 4. A customer asks for a refund: the rule routes the conversation (high priority in the inbox).
            await using var customer = await WidgetConnection.ConnectAsync(system.GatewayUrl, InboxSystem.WebsiteToken, $"visitor{Guid.NewGuid():N}");
            await customer.SendAsync("I would like a refund, please", Guid.NewGuid().ToString("N"));
            await admin.GetByTestId("nav-inbox").ClickAsync();
            var item = admin.GetByTestId("conversation-item");
            await Expect(item.GetByTestId("conversation-priority")).ToHaveTextAsync("high");
            await item.GetByRole(Microsoft.Playwright.AriaRole.Button).ClickAsync();
            await Expect(admin.Locator("[data-testid=message][data-kind=activity]").GetByTestId("message-text").First)
                .ToContainTextAsync("by rule 'Refunds', priority high");
            await Browser.SnapAsync(admin, "routing-03-rule-applied");
        }
        catch
        {
            await Browser.SnapAfterFailureAsync(admin, "routing-failed");
            throw;
        }
    }
}
