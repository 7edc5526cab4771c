using Inbox.Testing;
using static Microsoft.Playwright.Assertions;

namespace Inbox.Web.Tests;

/// <summary>
/// An admin manages people in a real browser: invites an agent, who opens the link in their own browser, chooses a
/// password, lands in the inbox and changes her password; the admin deactivates them and their open page falls back to sign-in within
/// seconds; the audit log shows it all, verifies intact and downloads as CSV. Screenshots of each step go to artifacts/tests/screenshots.
/// </summary>
public sealed class TeamAdminPagesTests : BrowserTest
{
    [Fact]
    public async Task An_admin_invites_an_agent_who_joins_and_is_cut_off_when_deactivated_and_the_audit_log_shows_it()
    {
        var system = System;
        await using var adminContext = await Browser.NewPersonAsync(system);
        await using var inviteeContext = await Browser.NewPersonAsync(system);
        var admin = await adminContext.NewPageAsync();
        var invitee = await inviteeContext.NewPageAsync();
        admin.Dialog += (_, dialog) => dialog.AcceptAsync();
        var email = $"nina.{Guid.NewGuid():N}@acme.test";

        try
        {
            // 1. The admin signs in and opens the team page: the seeded users are listed.
            await admin.GotoAsync("/");
            var login = admin.GetByTestId("login-form");
            await login.Locator("input[name=email]").FillAsync(InboxSystem.AdminEmail);
            await login.Locator("input[name=password]").FillAsync(InboxSystem.AdminPassword);
            await login.Locator("button[type=submit]").ClickAsync();
            await admin.GetByTestId("nav-team").ClickAsync();
            var users = admin.GetByTestId("users-table");
            await Expect(users.GetByTestId("user-u_agent").GetByTestId("user-role")).ToHaveTextAsync("agent");

            // 2. The admin invites an agent for the web channel and gets the link to send them.
            var invite = admin.GetByTestId("invite-form");
            await invite.Locator("input[name=name]").FillAsync("Nina Newcomer");
            await invite.Locator("input[name=email]").FillAsync(email);
            await invite.Locator("select[name=role]").SelectOptionAsync("agent");
            await invite.GetByTestId("invite-channels").GetByLabel("Acme website").CheckAsync();
            await invite.Locator("button[type=submit]").ClickAsync();
            var link = await admin.GetByTestId("invitation-url").InputValueAsync();
            Assert.Contains("#/invitation/", link, StringComparison.Ordinal);
            var row = users.Locator("tr", new() { HasText = email });
            await Expect(row.GetByTestId("user-status")).ToHaveTextAsync("invited");
            await Browser.SnapAsync(admin, "team-01-invited");

            // 3. The invitee opens the link in their own browser, chooses a password and is in the inbox.
            await invitee.GotoAsync(link);
            var form = invitee.GetByTestId("invitation-form");
            await form.Locator("input[name=password]").FillAsync("nina's long password");
            await form.Locator("input[name=confirmation]").FillAsync("nina's long password");
            await Browser.SnapAsync(invitee, "team-02-choose-password");
            await form.Locator("button[type=submit]").ClickAsync();
            await Expect(invitee.GetByTestId("user-name")).ToHaveTextAsync("Nina Newcomer");
            await Expect(invitee.GetByTestId("connection-state")).ToHaveTextAsync("connected");
            await Expect(invitee.GetByTestId("nav-team")).ToBeVisibleAsync();
            await Expect(invitee.GetByTestId("nav-audit")).ToHaveCountAsync(0);
            await Browser.SnapAsync(invitee, "team-03-invitee-in-inbox");

            // She changes her password on her account page and stays signed in; back to the inbox.
            await invitee.GetByTestId("nav-account").ClickAsync();
            var password = invitee.GetByTestId("password-form");
            await password.Locator("input[name=current]").FillAsync("nina's long password");
            await password.Locator("input[name=new]").FillAsync("nina's newer password");
            await password.Locator("input[name=repeat]").FillAsync("nina's newer password");
            await password.Locator("button[type=submit]").ClickAsync();
            await Expect(invitee.GetByTestId("password-message")).ToContainTextAsync("Your password is changed");
            await Browser.SnapAsync(invitee, "team-03b-password-changed");
            await invitee.GetByTestId("nav-inbox").ClickAsync();
            await Expect(invitee.GetByTestId("connection-state")).ToHaveTextAsync("connected");

            // 4. The admin deactivates her: her open inbox drops back to the sign-in page without a reload.
            await admin.ReloadAsync();
            await Expect(row.GetByTestId("user-status")).ToHaveTextAsync("active");
            await row.GetByTestId("reset-password").ClickAsync();
            await Expect(admin.GetByTestId("invitation-link")).ToContainTextAsync("a new password");
            Assert.NotEqual(link, await admin.GetByTestId("invitation-url").InputValueAsync());
            await row.GetByTestId("deactivate-user").ClickAsync();
            await Expect(row.GetByTestId("user-status")).ToHaveTextAsync("deactivated");
            await Browser.SnapAsync(admin, "team-04-deactivated");
            await Expect(invitee.GetByTestId("login-form")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Browser.SnapAsync(invitee, "team-05-invitee-signed-out");

            // 5. The audit log shows the invitation, her sign-in and the deactivation, and verifies intact.
            await admin.GetByTestId("nav-audit").ClickAsync();
            var entries = admin.GetByTestId("audit-entry");
            await Expect(entries.Filter(new() { HasText = "user.deactivated" })).Not.ToHaveCountAsync(0);
            await Expect(entries.Filter(new() { HasText = "user.invited" })).Not.ToHaveCountAsync(0);
            await Expect(entries.Filter(new() { HasText = "session.signed_in" }).Filter(new() { HasText = "Nina Newcomer" })).Not.ToHaveCountAsync(0);
            await admin.GetByTestId("verify-audit").ClickAsync();
            await Expect(admin.GetByTestId("audit-verification")).ToContainTextAsync("Intact");
            await Browser.SnapAsync(admin, "team-06-audit-log");

            // 6. The admin downloads the log as CSV.
            var download = await admin.RunAndWaitForDownloadAsync(() => admin.GetByTestId("export-audit").ClickAsync());
            var csv = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
            Assert.StartsWith("at,actor_kind,actor_id", csv, StringComparison.Ordinal);
            Assert.Contains("user.deactivated", csv, StringComparison.Ordinal);
        }
        catch
        {
            await Browser.SnapAfterFailureAsync(admin, "team-failed-admin");
            await Browser.SnapAfterFailureAsync(invitee, "team-failed-invitee");
            throw;
        }
    }
}
