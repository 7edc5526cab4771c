using Inbox.Contracts.Conversations;
using Inbox.Contracts.Grains;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Messages;
using Inbox.Contracts.Security;
using Inbox.Gateway.Infrastructure;
using Inbox.Gateway.Security;
using Inbox.Gateway.Session;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Inbox.Gateway.Conversations;

/// <summary><c>/api/v1/conversations</c>: the signed-in user's organisation's conversations and their messages.</summary>
public static class ConversationsApi
{
    /// <summary>
    /// The largest request body a message post may have: a 4,096-character text is at most 16 KiB of UTF-8 plus JSON
    /// escaping, so 64 KiB leaves room without inviting abuse.
    /// </summary>
    public const long MaxMessageBodyBytes = 64 * 1024;

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    /// <summary>A page of conversations.</summary>
    public sealed record ConversationList(IReadOnlyList<ConversationSummary> Items);

    /// <summary>A page of messages, oldest first.</summary>
    public sealed record MessageList(IReadOnlyList<MessageRecord> Items, bool HasMore);

    /// <summary>The body of a reply.</summary>
    /// <param name="Text">The text, 1–4,096 characters.</param>
    /// <param name="ClientMessageId">Optional id chosen by the client; a retry with the same id is stored once.</param>
    /// <param name="QuickReplies">Optional answers the customer can tap (platform channels: up to 13, WhatsApp 3; 1–20 characters each).</param>
    public sealed record SendMessageRequest(string? Text, string? ClientMessageId, IReadOnlyList<string>? QuickReplies = null);

    /// <summary>The body of a status change.</summary>
    /// <param name="Status">open, pending, snoozed or resolved.</param>
    /// <param name="SnoozeUntil">For snoozed: when it opens again by itself (at most a year away).</param>
    public sealed record StatusRequest(ConversationStatus? Status, DateTimeOffset? SnoozeUntil = null);

    /// <summary>The body of a priority change.</summary>
    /// <param name="Priority">none, low, medium, high or urgent.</param>
    public sealed record PriorityRequest(ConversationPriority? Priority);

    /// <summary>The body of an assignment.</summary>
    /// <param name="AssigneeId">The agent; null sends the conversation back to the waiting queue.</param>
    /// <param name="TeamId">The team to route it to; null keeps its team, "" removes it.</param>
    public sealed record AssignmentRequest(string? AssigneeId, string? TeamId = null);

    /// <summary>The body of an internal note.</summary>
    /// <param name="Text">The note, 1–4,096 characters; never sent to the customer.</param>
    public sealed record NoteRequest(string? Text);

    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/conversations").WithTags("Conversations");
        api.MapGet("/", ListAsync).RequirePermission(Permission.ConversationsRead);
        api.MapGet("/{conversationId}", GetAsync).RequirePermission(Permission.ConversationsRead);
        api.MapGet("/{conversationId}/messages", GetMessagesAsync).RequirePermission(Permission.ConversationsRead);
        api.MapPost("/{conversationId}/messages", SendAsync).RequirePermission(Permission.ConversationsReply)
            .WithMetadata(new RequestSizeLimitAttribute(MaxMessageBodyBytes));
        api.MapPost("/{conversationId}/status", SetStatusAsync).RequirePermission(Permission.ConversationsReply);
        api.MapPost("/{conversationId}/priority", SetPriorityAsync).RequirePermission(Permission.ConversationsReply);
        api.MapPost("/{conversationId}/assignment", AssignAsync).RequirePermission(Permission.ConversationsReply);
        api.MapPut("/{conversationId}/observers/me", (string conversationId, IGrainFactory grains, HttpContext http) => ObserveAsync(conversationId, true, grains, http))
            .RequirePermission(Permission.ConversationsManage);
        api.MapDelete("/{conversationId}/observers/me", (string conversationId, IGrainFactory grains, HttpContext http) => ObserveAsync(conversationId, false, grains, http))
            .RequirePermission(Permission.ConversationsManage);
        api.MapPost("/{conversationId}/notes", AddNoteAsync).RequirePermission(Permission.ConversationsReply)
            .WithMetadata(new RequestSizeLimitAttribute(MaxMessageBodyBytes));
        return app;
    }

    public static async Task<Results<Ok<ConversationList>, ProblemHttpResult>> ListAsync(
        IGrainFactory grains, HttpContext http, string? status = null, int limit = MaxPageSize, string? assignee = null, string? team = null)
    {
        ConversationStatus? filter = null;
        if (status is not null)
        {
            if (!Enum.TryParse<ConversationStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Problems.BadRequest($"status must be one of: {string.Join(", ", Enum.GetNames<ConversationStatus>().Select(n => n.ToLowerInvariant()))}.");
            }

            filter = parsed;
        }

        if (limit is < 1 or > 500)
        {
            return Problems.BadRequest("limit must be between 1 and 500.");
        }

        if ((assignee is not null && assignee != "me" && assignee != "none" && !GrainKeys.IsValidId(assignee)) || (team is not null && !GrainKeys.IsValidId(team)))
        {
            return Problems.BadRequest("assignee must be me, none or a user id; team a team id.");
        }

        var user = CurrentUser.From(http.User);
        var query = new ConversationQuery(filter, limit, assignee switch { "me" => user.UserId, "none" or null => null, _ => assignee }, assignee == "none", team);
        var items = await grains.Get<IConversationIndexGrain>(user.OrganisationId).ListAsync(query);
        return TypedResults.Ok(new ConversationList(items));
    }

    public static async Task<Results<Ok<ConversationSummary>, ProblemHttpResult>> GetAsync(
        string conversationId, IGrainFactory grains, HttpContext http)
    {
        var summary = Grain(grains, http, conversationId) is { } conversation ? await conversation.GetSummaryAsync() : null;
        return summary is null ? NotFound(conversationId) : TypedResults.Ok(summary);
    }

    public static async Task<Results<Ok<MessageList>, ProblemHttpResult>> GetMessagesAsync(
        string conversationId, IGrainFactory grains, HttpContext http, long? before = null, int limit = DefaultPageSize)
    {
        if (before is < 1)
        {
            return Problems.BadRequest("before must be a sequence number of 1 or more.");
        }

        if (limit is < 1 or > MaxPageSize)
        {
            return Problems.BadRequest($"limit must be between 1 and {MaxPageSize}.");
        }

        if (Grain(grains, http, conversationId) is not { } conversation)
        {
            return NotFound(conversationId);
        }

        try
        {
            var page = await conversation.GetMessagesAsync(before, limit);
            return TypedResults.Ok(new MessageList(page.Messages, page.HasMore));
        }
        catch (ConversationNotFoundException)
        {
            return NotFound(conversationId);
        }
    }

    public static async Task<Results<Created<MessageRecord>, ProblemHttpResult>> SendAsync(
        string conversationId, SendMessageRequest request, IGrainFactory grains, HttpContext http)
    {
        if (MessageText.Validate(request.Text) is { } problem)
        {
            return Problems.BadRequest(problem);
        }

        if (request.ClientMessageId is not null && !GrainKeys.IsValidId(request.ClientMessageId))
        {
            return Problems.BadRequest("clientMessageId must be 1-64 letters, digits, '-' or '_'.");
        }

        if (Grain(grains, http, conversationId) is not { } conversation)
        {
            return NotFound(conversationId);
        }

        try
        {
            var user = CurrentUser.From(http.User);
            var stored = await conversation.ReplyAsync(new AgentReply(user.UserId, user.Name, request.Text!, request.ClientMessageId, request.QuickReplies));
            return TypedResults.Created($"/api/v1/conversations/{conversationId}/messages?before={stored.Sequence + 1}&limit=1", stored);
        }
        catch (ConversationNotFoundException)
        {
            return NotFound(conversationId);
        }
    }

    public static async Task<Results<Ok<ConversationSummary>, ProblemHttpResult>> SetStatusAsync(
        string conversationId, StatusRequest request, IGrainFactory grains, HttpContext http)
    {
        if (request.Status is not { } status)
        {
            return Problems.BadRequest("status is required: open, pending, snoozed or resolved.");
        }

        return Grain(grains, http, conversationId) is { } conversation
            ? TypedResults.Ok(await conversation.SetStatusAsync(status, request.SnoozeUntil))
            : NotFound(conversationId);
    }

    public static async Task<Results<Ok<ConversationSummary>, ProblemHttpResult>> SetPriorityAsync(
        string conversationId, PriorityRequest request, IGrainFactory grains, HttpContext http)
    {
        if (request.Priority is not { } priority)
        {
            return Problems.BadRequest("priority is required: none, low, medium, high or urgent.");
        }

        return Grain(grains, http, conversationId) is { } conversation ? TypedResults.Ok(await conversation.SetPriorityAsync(priority)) : NotFound(conversationId);
    }

    public static async Task<Results<Ok<ConversationSummary>, ProblemHttpResult>> AssignAsync(
        string conversationId, AssignmentRequest request, IGrainFactory grains, HttpContext http) =>
        Grain(grains, http, conversationId) is { } conversation
            ? TypedResults.Ok(await conversation.AssignAsync(request.AssigneeId, request.TeamId))
            : NotFound(conversationId);

    public static async Task<Results<Ok<ConversationSummary>, ProblemHttpResult>> ObserveAsync(
        string conversationId, bool observing, IGrainFactory grains, HttpContext http) =>
        Grain(grains, http, conversationId) is { } conversation ? TypedResults.Ok(await conversation.ObserveAsync(observing)) : NotFound(conversationId);

    public static async Task<Results<Created<MessageRecord>, ProblemHttpResult>> AddNoteAsync(
        string conversationId, NoteRequest request, IGrainFactory grains, HttpContext http)
    {
        if (MessageText.Validate(request.Text) is { } problem)
        {
            return Problems.BadRequest(problem);
        }

        if (Grain(grains, http, conversationId) is not { } conversation)
        {
            return NotFound(conversationId);
        }

        var note = await conversation.AddNoteAsync(request.Text!);
        return TypedResults.Created($"/api/v1/conversations/{conversationId}/messages?before={note.Sequence + 1}&limit=1", note);
    }

    // The grain answers "not found" itself, so a request costs one grain call. Ids that cannot be a key are simply
    // conversations that do not exist; the organisation comes from the signed-in user, so a conversation of another
    // organisation is not found either.
    internal static IConversationGrain? Grain(IGrainFactory grains, HttpContext http, string conversationId) =>
        GrainKeys.IsValidId(conversationId)
            ? grains.Get<IConversationGrain>(GrainKeys.Compose(CurrentUser.From(http.User).OrganisationId, conversationId))
            : null;

    private static ProblemHttpResult NotFound(string conversationId) => Problems.NotFound("conversation", conversationId);
}
