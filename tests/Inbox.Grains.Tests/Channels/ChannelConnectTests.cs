using Inbox.Contracts.Channels;
using Inbox.Contracts.Errors;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Organisations;

namespace Inbox.Grains.Tests.Channels;

[Collection(GrainCluster.Name)]
public sealed class ChannelConnectTests(GrainClusterFixture fixture)
{
    private static readonly Dictionary<string, string> WhatsApp = new()
    {
        ["phoneNumberId"] = "106540352242922",
        ["accessToken"] = "EAAG-token-1",
        ["appSecret"] = "app-secret-1",
    };

    [Fact]
    public async Task Connecting_generates_the_verify_token_shows_ids_and_tokens_but_never_secrets()
    {
        var (_, channelId, channel) = await NewAsync();
        var details = await channel.ConnectAsync(new ChannelSetup(Platform.WhatsApp, "Support WhatsApp", WhatsApp));

        Assert.Equal($"/webhooks/whatsapp/{channelId}", details.WebhookPath);
        Assert.Equal(["accessToken", "appSecret", "phoneNumberId", "verifyToken"], details.CredentialFields);
        Assert.Equal(["phoneNumberId", "verifyToken"], details.Settings!.Keys.Order());
        Assert.Matches("^[A-Za-z0-9]{32}$", details.Settings["verifyToken"]);
        Assert.DoesNotContain(details.Settings.Values, v => v.Contains("EAAG", StringComparison.Ordinal) || v.Contains("app-secret", StringComparison.Ordinal));

        // The webhook URL's id finds the channel; the grains that check and send get every field.
        Assert.Equal(details.Channel, await fixture.Inside.GetGrain<IChannelHandleGrain>(ChannelHandles.Webhook(channelId)).GetChannelAsync());
        var secrets = await channel.GetSecretsAsync();
        Assert.Equal("app-secret-1", secrets!["appSecret"]);

        // Rotating one secret keeps the others and the verify token the admin already pasted into Meta's dashboard.
        await fixture.DeactivateAsync(channel);
        var rotated = await channel.SetCredentialsAsync(new Dictionary<string, string> { ["accessToken"] = "EAAG-token-2" });
        Assert.Equal(details.Settings["verifyToken"], rotated.Settings!["verifyToken"]);
        Assert.Equal(("EAAG-token-2", "app-secret-1"), ((await channel.GetSecretsAsync())!["accessToken"], (await channel.GetSecretsAsync())!["appSecret"]));
    }

    [Fact]
    public async Task Missing_unknown_or_misplaced_fields_are_refused_saying_which()
    {
        var (_, _, channel) = await NewAsync();
        var missing = await Assert.ThrowsAsync<ArgumentException>(() => channel.ConnectAsync(new ChannelSetup(Platform.WhatsApp, "WA", WhatsApp.Where(f => f.Key != "appSecret").ToDictionary())));
        Assert.Contains("'appSecret' is required", missing.Message, StringComparison.Ordinal);
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => channel.ConnectAsync(new ChannelSetup(Platform.Telegram, "Bot", new Dictionary<string, string> { ["botToken"] = "1:a", ["password"] = "x" })));
        Assert.Contains("'password' is not a telegram field", unknown.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => channel.ConnectAsync(new ChannelSetup(Platform.WebChat, "Site", new Dictionary<string, string>())));
        await Assert.ThrowsAsync<ArgumentException>(() => channel.ConnectAsync(new ChannelSetup(Platform.Line, " ", new Dictionary<string, string> { ["accessToken"] = "a", ["channelSecret"] = "b" })));
        Assert.Null(await channel.GetAsync());

        await channel.ConnectAsync(new ChannelSetup(Platform.Telegram, "Bot", new Dictionary<string, string> { ["botToken"] = "1:a" }));
        await Assert.ThrowsAsync<ConflictException>(() => channel.ConnectAsync(new ChannelSetup(Platform.WhatsApp, "WA", WhatsApp)));
        await Assert.ThrowsAsync<ArgumentException>(() => channel.SetCredentialsAsync(new Dictionary<string, string> { ["appSecret"] = "x" }));
    }

    [Fact]
    public async Task A_webhook_id_belongs_to_one_organisation()
    {
        var (_, channelId, channel) = await NewAsync();
        await channel.ConnectAsync(new ChannelSetup(Platform.Telegram, "Bot", new Dictionary<string, string> { ["botToken"] = "1:a" }));

        var otherOrganisation = GrainKeys.NewId("org");
        await fixture.Inside.GetGrain<IOrganisationGrain>(otherOrganisation).EnsureAsync("Other");
        var squatter = fixture.Inside.GetGrain<IChannelGrain>(GrainKeys.Compose(otherOrganisation, channelId));
        await Assert.ThrowsAsync<ConflictException>(() => squatter.ConnectAsync(new ChannelSetup(Platform.Telegram, "Bot", new Dictionary<string, string> { ["botToken"] = "2:b" })));
    }

    private async Task<(string OrganisationId, string ChannelId, IChannelGrain Channel)> NewAsync()
    {
        var organisationId = GrainKeys.NewId("org");
        await fixture.Inside.GetGrain<IOrganisationGrain>(organisationId).EnsureAsync("Acme");
        var channelId = GrainKeys.NewId("ch");
        return (organisationId, channelId, fixture.Inside.GetGrain<IChannelGrain>(GrainKeys.Compose(organisationId, channelId)));
    }
}
