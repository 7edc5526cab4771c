using Inbox.Contracts.Channels;
using Inbox.Contracts.Grains;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Organisations;
using Inbox.Contracts.Users;
using Microsoft.Extensions.Options;

namespace Inbox.Silo.Seeding;

/// <summary>
/// Creates the configured organisations, their web-chat and platform channels, teams and users when enabled. Idempotent: safe on
/// every start, and it never changes what exists (an admin's later changes stand).
/// </summary>
internal sealed partial class Seeder(IGrainFactory grains, IOptions<SeedOptions> options, ILogger<Seeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        foreach (var seed in options.Value.Organisations)
        {
            var organisation = grains.Get<IOrganisationGrain>(seed.OrganisationId);
            await organisation.EnsureAsync(seed.Name);
            foreach (var channel in seed.WebChat)
            {
                await grains.Get<IChannelGrain>(GrainKeys.Compose(seed.OrganisationId, channel.ChannelId))
                    .ConnectWebChatAsync(channel.Name, channel.WebsiteToken);
            }

            foreach (var channel in seed.Platforms)
            {
                var grain = grains.Get<IChannelGrain>(GrainKeys.Compose(seed.OrganisationId, channel.ChannelId));
                if (await grain.GetAsync() is null)
                {
                    var platform = PlatformNames.TryParse(channel.Platform, out var parsed) && parsed != Platform.WebChat
                        ? parsed
                        : throw new InvalidOperationException($"Seed channel '{channel.ChannelId}' names no platform: '{channel.Platform}'.");
                    await grain.ConnectAsync(new ChannelSetup(platform, channel.Name, channel.Fields));
                }
            }

            var existingTeams = (await organisation.GetAsync())!.Teams.Select(t => t.TeamId).ToHashSet(StringComparer.Ordinal);
            foreach (var team in seed.Teams.Where(t => !existingTeams.Contains(t.TeamId)))
            {
                await organisation.SaveTeamAsync(team.TeamId, team.Name);
            }

            foreach (var user in seed.Users)
            {
                await grains.Get<IUserGrain>(GrainKeys.Compose(seed.OrganisationId, user.UserId))
                    .CreateAsync(new NewUser(user.Name, user.Email, user.Role, user.Password, user.Teams, user.Channels));
            }

            LogSeeded(seed.OrganisationId, seed.WebChat.Count + seed.Platforms.Count, seed.Users.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Organisation {OrganisationId} is seeded: {ChannelCount} channels, {UserCount} users")]
    private partial void LogSeeded(string organisationId, int channelCount, int userCount);
}
