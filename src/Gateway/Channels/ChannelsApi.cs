using Inbox.Contracts.Channels;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Organisations;
using Inbox.Contracts.Security;
using Inbox.Gateway.Infrastructure;
using Inbox.Gateway.Security;
using Inbox.Gateway.Session;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inbox.Gateway.Channels;

/// <summary>
/// <c>/api/v1/channels</c>: the organisation's channels; admins set a channel's credentials, which are write-only:
/// no answer ever contains a credential value, only which fields are set and when.
/// </summary>
public static class ChannelsApi
{
    /// <summary>A list of channels.</summary>
    public sealed record ChannelList(IReadOnlyList<ChannelDetails> Items);

    public static IEndpointRouteBuilder MapChannelsApi(this IEndpointRouteBuilder app)
    {
        var channels = app.MapGroup("/api/v1/channels").WithTags("Channels");
        channels.MapGet("/", ListAsync).RequirePermission(Permission.ChannelsRead);
        channels.MapPut("/{channelId}/credentials", SetCredentialsAsync).RequirePermission(Permission.ChannelsManage);
        return app;
    }

    public static async Task<Ok<ChannelList>> ListAsync(IGrainFactory grains, HttpContext http)
    {
        var organisationId = CurrentUser.From(http.User).OrganisationId;
        var organisation = await grains.GetGrain<IOrganisationGrain>(organisationId).GetAsync();
        var details = await Task.WhenAll((organisation?.ChannelIds ?? []).Select(id => grains.GetGrain<IChannelGrain>(GrainKeys.Compose(organisationId, id)).GetDetailsAsync()));
        return TypedResults.Ok(new ChannelList(details.OfType<ChannelDetails>().OrderBy(c => c.Channel.Name, StringComparer.CurrentCultureIgnoreCase).ToList()));
    }

    /// <summary>Replaces the credentials with the body's fields, e.g. <c>{ "accessToken": "…", "appSecret": "…" }</c>.</summary>
    public static async Task<Results<Ok<ChannelDetails>, ProblemHttpResult>> SetCredentialsAsync(
        string channelId, Dictionary<string, string>? credentials, IGrainFactory grains, HttpContext http)
    {
        if (credentials is null)
        {
            return Problems.BadRequest("Send the credentials as a JSON object of string fields.");
        }

        if (!GrainKeys.IsValidId(channelId))
        {
            return Problems.NotFound("channel", channelId);
        }

        var channel = grains.GetGrain<IChannelGrain>(GrainKeys.Compose(CurrentUser.From(http.User).OrganisationId, channelId));
        return TypedResults.Ok(await channel.SetCredentialsAsync(credentials));
    }
}
