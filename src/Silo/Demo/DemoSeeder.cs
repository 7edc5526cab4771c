using Inbox.Contracts.Channels;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Organisations;
using Inbox.Contracts.Users;
using Microsoft.Extensions.Options;

namespace Inbox.Silo.Demo;

/// <summary>Creates the demo organisation, its web-chat channel and its users when enabled. Idempotent: safe on every start.</summary>
internal sealed partial class DemoSeeder(IGrainFactory grains, IOptions<DemoOptions> options, ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value;
        if (!demo.Enabled)
        {
            return;
        }

        await grains.GetGrain<IOrganisationGrain>(demo.OrganisationId).EnsureAsync(demo.OrganisationName);
        await grains.GetGrain<IChannelGrain>(GrainKeys.Compose(demo.OrganisationId, demo.WebChatChannelId))
            .ConnectWebChatAsync(demo.WebChatChannelName, demo.WebsiteToken);
        foreach (var user in demo.Users)
        {
            await grains.GetGrain<IUserGrain>(GrainKeys.Compose(demo.OrganisationId, user.UserId))
                .CreateAsync(new NewUser(user.Name, user.Email, user.Role, user.Password, [], [demo.WebChatChannelId]));
        }

        LogSeeded(demo.OrganisationId, demo.Users.Count, demo.WebsiteToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Demo organisation {OrganisationId} is ready with {UserCount} users; widget website token {WebsiteToken}")]
    private partial void LogSeeded(string organisationId, int userCount, string websiteToken);
}
