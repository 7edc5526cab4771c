using System.Text;
using Azure.Data.Tables;
using Inbox.Contracts.Channels;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Organisations;
using Inbox.Contracts.Security;
using Inbox.Contracts.Users;
using Inbox.Grains.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Grains.Tests.Channels;

[Collection(GrainCluster.Name)]
public sealed class ChannelCredentialsTests(GrainClusterFixture fixture)
{
    private const string Secret = "line-channel-secret-0123456789abcdef";

    [Fact]
    public async Task Credentials_are_stored_encrypted_and_read_back_after_reactivation()
    {
        var (organisationId, channel) = await NewChannelAsync();
        CallerContext.Set(Caller.User(organisationId, "u_admin", "Ada", UserRole.Admin, [], [], null));
        var details = await channel.SetCredentialsAsync(new Dictionary<string, string> { ["channelSecret"] = Secret, ["accessToken"] = "token-1" });
        Assert.Equal(["accessToken", "channelSecret"], details.CredentialFields);
        Assert.NotNull(details.CredentialsUpdatedAt);

        // The grain-state row (its state is stored as UTF-8 JSON bytes) holds ciphertext only.
        var rows = fixture.Tables.GetTableClient("OrleansGrainState")
            .Query<TableEntity>(cancellationToken: TestContext.Current.CancellationToken)
            .Where(r => r.PartitionKey.Contains(organisationId, StringComparison.Ordinal) || r.RowKey.Contains(organisationId, StringComparison.Ordinal))
            .Select(r => string.Join("|", ((IDictionary<string, object>)r).Values.Select(v => v is byte[] bytes ? Encoding.UTF8.GetString(bytes) : v?.ToString())))
            .ToList();
        Assert.NotEmpty(rows);
        Assert.DoesNotContain(rows, r => r.Contains(Secret, StringComparison.Ordinal) || r.Contains("token-1", StringComparison.Ordinal));

        await fixture.DeactivateAsync(channel);
        var state = rows.Single(r => r.Contains("CfDJ8", StringComparison.Ordinal));
        var ciphertext = state[state.IndexOf("CfDJ8", StringComparison.Ordinal)..].Split('"')[0];
        var secrets = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<ChannelSecrets>();
        Assert.Equal(Secret, secrets.Unprotect(ciphertext)["channelSecret"]);
        Assert.Equal(["accessToken", "channelSecret"], (await channel.GetDetailsAsync())!.CredentialFields);
    }

    [Fact]
    public async Task Only_an_admin_of_the_organisation_may_set_credentials_and_bad_fields_are_refused()
    {
        var (organisationId, channel) = await NewChannelAsync();
        CallerContext.Set(Caller.User(organisationId, "u_sup", "Sam", UserRole.Supervisor, [], [], null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => channel.SetCredentialsAsync(new Dictionary<string, string> { ["token"] = Secret }));
        CallerContext.Set(Caller.User(GrainKeys.NewId("org"), "u_admin", "Eve", UserRole.Admin, [], [], null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => channel.SetCredentialsAsync(new Dictionary<string, string> { ["token"] = Secret }));

        CallerContext.Set(Caller.User(organisationId, "u_admin", "Ada", UserRole.Admin, [], [], null));
        await Assert.ThrowsAsync<ArgumentException>(() => channel.SetCredentialsAsync(new Dictionary<string, string>()));
        await Assert.ThrowsAsync<ArgumentException>(() => channel.SetCredentialsAsync(new Dictionary<string, string> { ["1bad"] = "x" }));
        await Assert.ThrowsAsync<ArgumentException>(() => channel.SetCredentialsAsync(new Dictionary<string, string> { ["token"] = "" }));
        await Assert.ThrowsAsync<ChannelNotFoundException>(() =>
            fixture.Grains.GetGrain<IChannelGrain>(GrainKeys.Compose(organisationId, "nowhere")).SetCredentialsAsync(new Dictionary<string, string> { ["token"] = "x" }));
        Assert.Empty((await channel.GetDetailsAsync())!.CredentialFields);
    }

    private async Task<(string OrganisationId, IChannelGrain Channel)> NewChannelAsync()
    {
        var organisationId = GrainKeys.NewId("org");
        await fixture.Inside.GetGrain<IOrganisationGrain>(organisationId).EnsureAsync("Acme");
        var channel = fixture.Inside.GetGrain<IChannelGrain>(GrainKeys.Compose(organisationId, "web"));
        await channel.ConnectWebChatAsync("Acme website", GrainKeys.NewId("site"));
        return (organisationId, fixture.Grains.GetGrain<IChannelGrain>(GrainKeys.Compose(organisationId, "web")));
    }
}
