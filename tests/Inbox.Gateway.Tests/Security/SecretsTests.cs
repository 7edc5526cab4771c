using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Inbox.Testing;

namespace Inbox.Gateway.Tests.Security;

/// <summary>
/// The shared Data Protection key ring (blob storage, encrypted with a certificate) and the write-only channel
/// credentials it protects.
/// </summary>
public sealed class SecretsTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private InboxSystem System => fixture.System;

    [Fact]
    public async Task A_session_from_one_gateway_works_on_another_because_they_share_the_key_ring()
    {
        using var api = await System.SignInAgentAsync();
        var (gateway, url) = await System.StartAnotherGatewayAsync();
        await using var _ = gateway;

        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = url };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/session");
        request.Headers.Add("Cookie", api.Cookies.GetCookieHeader(System.GatewayUrl));
        var me = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Keys_in_blob_storage_are_encrypted_with_the_certificate()
    {
        using var api = await System.SignInAgentAsync();
        var container = new BlobServiceClient(System.Azurite.ConnectionString).GetBlobContainerClient("dataprotection-keys");
        var keys = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            keys.Add((await container.GetBlobClient(blob.Name).DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToString());
        }

        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.Contains("EncryptedData", key, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", key, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Channel_credentials_are_write_only_and_never_appear_in_answers_the_audit_log_or_logs()
    {
        const string secret = "EAAG-very-secret-access-token-0123456789";
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        var set = await admin.Http.PutAsJsonAsync("api/v1/channels/web/credentials", new { accessToken = secret, appSecret = secret + "-app" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var setBody = await set.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(secret, setBody, StringComparison.Ordinal);

        var list = await admin.Http.GetStringAsync("api/v1/channels", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        var web = JsonDocument.Parse(list).RootElement.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("channel").GetProperty("channelId").GetString() == "web");
        Assert.Equal(["accessToken", "appSecret"], web.GetProperty("credentialFields").EnumerateArray().Select(f => f.GetString()));
        Assert.NotEqual(JsonValueKind.Null, web.GetProperty("credentialsUpdatedAt").ValueKind);

        var audit = await admin.Http.GetStringAsync("api/v1/audit?subject=web&action=channel", TestContext.Current.CancellationToken);
        Assert.Contains("channel.credentials_changed", audit, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, audit, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, System.Gateway.Tail, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, System.Silo.Tail, StringComparison.Ordinal);

        var bad = await admin.Http.PutAsJsonAsync("api/v1/channels/web/credentials", new Dictionary<string, string> { ["not a name"] = "x" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var missing = await admin.Http.PutAsJsonAsync("api/v1/channels/nowhere/credentials", new { accessToken = "x" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
