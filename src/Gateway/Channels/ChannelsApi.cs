using Inbox.Channels;
using Inbox.Contracts.Channels;
using Inbox.Contracts.Grains;
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

    /// <summary>The body of <c>POST /api/v1/channels</c>.</summary>
    /// <param name="Platform">The platform's wire name (<c>whatsapp</c>, <c>messenger</c>, <c>instagram</c>, <c>telegram</c>, <c>line</c>, <c>wechat</c>).</param>
    /// <param name="Name">The name agents see.</param>
    /// <param name="Fields">The platform's fields (see <c>GET /api/v1/channels/platforms</c>); generated ones may be left out.</param>
    /// <param name="ChannelId">The channel's id in its webhook URL; made up when left out.</param>
    public sealed record ConnectRequest(string? Platform, string? Name, Dictionary<string, string>? Fields, string? ChannelId);

    /// <summary>One field of a platform's connect form.</summary>
    public sealed record PlatformField(string Name, string Kind, string Description);

    /// <summary>What connecting a channel of one platform takes.</summary>
    public sealed record PlatformForm(string Platform, IReadOnlyList<PlatformField> Fields);

    public sealed record PlatformList(IReadOnlyList<PlatformForm> Items);

    /// <summary>The body of <c>PUT /api/v1/channels/{id}/rate</c>: messages per second, or null for the platform's documented limit.</summary>
    public sealed record RateRequest(double? PerSecond);

    /// <summary>Every channel's health, for the health page.</summary>
    public sealed record HealthList(IReadOnlyList<ChannelHealth> Items);

    public static IEndpointRouteBuilder MapChannelsApi(this IEndpointRouteBuilder app)
    {
        var channels = app.MapGroup("/api/v1/channels").WithTags("Channels");
        channels.MapGet("/", ListAsync).RequirePermission(Permission.ChannelsRead);
        channels.MapGet("/platforms", Platforms).RequirePermission(Permission.ChannelsManage);
        channels.MapPost("/", ConnectAsync).RequirePermission(Permission.ChannelsManage);
        channels.MapPut("/{channelId}/credentials", SetCredentialsAsync).RequirePermission(Permission.ChannelsManage);
        channels.MapPost("/{channelId}/disable", (string channelId, IGrainFactory grains, HttpContext http) => SetEnabledAsync(channelId, false, grains, http))
            .RequirePermission(Permission.ChannelsManage);
        channels.MapPost("/{channelId}/enable", (string channelId, IGrainFactory grains, HttpContext http) => SetEnabledAsync(channelId, true, grains, http))
            .RequirePermission(Permission.ChannelsManage);
        channels.MapGet("/health", HealthListAsync).RequirePermission(Permission.ChannelsManage);
        channels.MapGet("/{channelId}/health", HealthAsync).RequirePermission(Permission.ChannelsManage);
        channels.MapPut("/{channelId}/rate", SetRateAsync).RequirePermission(Permission.ChannelsManage);
        return app;
    }

    public static async Task<Ok<ChannelList>> ListAsync(IGrainFactory grains, HttpContext http)
    {
        var organisationId = CurrentUser.From(http.User).OrganisationId;
        var organisation = await grains.Get<IOrganisationGrain>(organisationId).GetAsync();
        var details = await Task.WhenAll((organisation?.ChannelIds ?? []).Select(id => grains.Get<IChannelGrain>(GrainKeys.Compose(organisationId, id)).GetDetailsAsync()));
        return TypedResults.Ok(new ChannelList(details.OfType<ChannelDetails>().OrderBy(c => c.Channel.Name, StringComparer.CurrentCultureIgnoreCase).ToList()));
    }

    /// <summary>Replaces the credentials with the body's fields, e.g. <c>{ "accessToken": "…", "appSecret": "…" }</c>.</summary>
    public static Ok<PlatformList> Platforms() => TypedResults.Ok(new PlatformList([
        new PlatformForm(PlatformNames.Of(Platform.WebChat), [new PlatformField(ChannelHandles.WebsiteTokenField, "generated", "The widget's public token: the website embeds /widget.html?websiteToken=….")]),
        .. ChannelAdapters.All
            .Select(a => new PlatformForm(a.Platform, a.Fields.Select(f => new PlatformField(f.Name, f.Kind.ToString().ToLowerInvariant(), f.Description)).ToList()))
            .OrderBy(p => p.Platform, StringComparer.Ordinal),
    ]));

    public static async Task<Results<Created<ChannelDetails>, ProblemHttpResult>> ConnectAsync(ConnectRequest? request, IGrainFactory grains, HttpContext http)
    {
        if (request is null)
        {
            return Problems.BadRequest("Send the channel as a JSON object with platform, name and fields.");
        }

        if (!PlatformNames.TryParse(request.Platform, out var platform))
        {
            return Problems.BadRequest($"platform must be one of {string.Join(", ", Enum.GetValues<Platform>().Select(PlatformNames.Of))}.");
        }

        var channelId = request.ChannelId ?? GrainKeys.NewId("ch");
        if (!GrainKeys.IsValidId(channelId))
        {
            return Problems.BadRequest("channelId must be 1-64 letters, digits, '-' or '_'.");
        }

        var organisationId = CurrentUser.From(http.User).OrganisationId;
        var channel = grains.Get<IChannelGrain>(GrainKeys.Compose(organisationId, channelId));
        ChannelDetails details;
        if (platform == Platform.WebChat)
        {
            var fields = request.Fields ?? [];
            if (fields.Keys.Any(k => k != ChannelHandles.WebsiteTokenField))
            {
                return Problems.BadRequest("A web chat takes one field, websiteToken (left out, one is made up).");
            }

            await channel.ConnectWebChatAsync(request.Name ?? "", fields.GetValueOrDefault(ChannelHandles.WebsiteTokenField));
            details = (await channel.GetDetailsAsync())!;
        }
        else
        {
            details = await channel.ConnectAsync(new ChannelSetup(platform, request.Name ?? "", request.Fields ?? []));
        }

        return TypedResults.Created($"/api/v1/channels/{channelId}", details);
    }

    /// <summary>Turns a channel off or on again; answers the channel as it is now.</summary>
    public static async Task<Results<Ok<ChannelDetails>, ProblemHttpResult>> SetEnabledAsync(string channelId, bool enabled, IGrainFactory grains, HttpContext http) =>
        GrainKeys.IsValidId(channelId)
            ? TypedResults.Ok(await grains.Get<IChannelGrain>(GrainKeys.Compose(CurrentUser.From(http.User).OrganisationId, channelId)).SetEnabledAsync(enabled))
            : Problems.NotFound("channel", channelId);

    /// <summary>Every channel's sending health: status, queue, pace, last error.</summary>
    public static async Task<Ok<HealthList>> HealthListAsync(IGrainFactory grains, HttpContext http)
    {
        var organisationId = CurrentUser.From(http.User).OrganisationId;
        var organisation = await grains.Get<IOrganisationGrain>(organisationId).GetAsync();
        var health = await Task.WhenAll((organisation?.ChannelIds ?? []).Select(id => grains.Get<IChannelGrain>(GrainKeys.Compose(organisationId, id)).GetHealthAsync()));
        return TypedResults.Ok(new HealthList(health.OfType<ChannelHealth>().OrderBy(h => h.Channel.Name, StringComparer.CurrentCultureIgnoreCase).ToList()));
    }

    /// <summary>One channel's sending health.</summary>
    public static async Task<Results<Ok<ChannelHealth>, ProblemHttpResult>> HealthAsync(string channelId, IGrainFactory grains, HttpContext http) =>
        GrainKeys.IsValidId(channelId) && await grains.Get<IChannelGrain>(GrainKeys.Compose(CurrentUser.From(http.User).OrganisationId, channelId)).GetHealthAsync() is { } health
            ? TypedResults.Ok(health)
            : Problems.NotFound("channel", channelId);

    /// <summary>Sets the pace the channel sends at (<c>{ "perSecond": 20 }</c>), or back to the platform's limit (<c>{ "perSecond": null }</c>).</summary>
    public static async Task<Results<Ok<ChannelHealth>, ProblemHttpResult>> SetRateAsync(string channelId, RateRequest? request, IGrainFactory grains, HttpContext http)
    {
        if (request is null)
        {
            return Problems.BadRequest("Send the pace as a JSON object: { \"perSecond\": 20 }, or null for the platform's documented limit.");
        }

        return GrainKeys.IsValidId(channelId)
            ? TypedResults.Ok(await grains.Get<IChannelGrain>(GrainKeys.Compose(CurrentUser.From(http.User).OrganisationId, channelId)).SetRateAsync(request.PerSecond))
            : Problems.NotFound("channel", channelId);
    }

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

        var channel = grains.Get<IChannelGrain>(GrainKeys.Compose(CurrentUser.From(http.User).OrganisationId, channelId));
        return TypedResults.Ok(await channel.SetCredentialsAsync(credentials));
    }
}
