using Inbox.Contracts.Channels;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Messages;
using Inbox.Contracts.Security;
using Inbox.Gateway.Infrastructure;
using Inbox.Gateway.Security;
using Inbox.Gateway.Session;
using Inbox.Hosting.Media;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Inbox.Gateway.Conversations;

/// <summary>
/// The files of messages, streamed from the media store to users who may read the conversation (the conversation grain
/// decides, as for its messages). Images, audio and video are shown inline; anything else downloads, and nothing is
/// ever rendered as a page: a customer's HTML or SVG file cannot run in the inbox's origin.
/// </summary>
public static class AttachmentsApi
{
    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/jpeg", "image/png", "image/gif", "image/webp",
        "audio/ogg", "audio/mpeg", "audio/mp4", "audio/aac", "audio/amr",
        "video/mp4", "video/3gpp", "video/webm",
    };

    /// <summary>The largest file an agent may send (platforms' own limits are lower for some kinds: WhatsApp images 5 MB).</summary>
    public const long MaxUploadBytes = 16 * 1024 * 1024;

    private const int MaxFileNameLength = 200;

    public static IEndpointRouteBuilder MapAttachmentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/conversations/{conversationId}/messages/{sequence:long}/attachments/{attachmentId}", GetAsync)
            .WithTags("Conversations")
            .RequirePermission(Permission.ConversationsRead);
        app.MapPost("/api/v1/conversations/{conversationId}/messages/files", SendFileAsync)
            .WithTags("Conversations")
            .RequirePermission(Permission.ConversationsReply)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes + (64 * 1024)));

        app.MapGet("/api/v1/conversations/{conversationId}/avatar", AvatarAsync)
            .WithTags("Conversations")
            .RequirePermission(Permission.ConversationsRead);

        // Platforms that fetch an agent's image themselves (LINE) get a short-lived, unforgeable link: no session.
        app.MapGet("/media/{token}", PublicAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// An agent's file (multipart: <c>file</c>, optional <c>caption</c> and <c>clientMessageId</c>): kept in the media
    /// store under the conversation, then sent like a reply, the caption as its text.
    /// </summary>
    public static async Task<Results<Created<MessageRecord>, ProblemHttpResult>> SendFileAsync(
        string conversationId, IFormFile? file, [FromForm] string? caption, [FromForm] string? clientMessageId,
        IGrainFactory grains, MediaStore media, HttpContext http)
    {
        if (file is null || file.Length == 0)
        {
            return Problems.BadRequest("Send the file as multipart/form-data in a part named 'file' (not empty).");
        }

        if (file.Length > MaxUploadBytes)
        {
            return TypedResults.Problem($"The file is {file.Length} bytes; the limit is {MaxUploadBytes}.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (MessageText.ValidateReply(caption ?? "", hasFile: true) is { } problem)
        {
            return Problems.BadRequest(problem);
        }

        if (clientMessageId is not null && !GrainKeys.IsValidId(clientMessageId))
        {
            return Problems.BadRequest("clientMessageId must be 1-64 letters, digits, '-' or '_'.");
        }

        if (ConversationsApi.Grain(grains, http, conversationId) is not { } conversation || await conversation.GetSummaryAsync() is not { } summary)
        {
            return Problems.NotFound("conversation", conversationId);
        }

        if (summary.Platform == Platform.WebChat)
        {
            return Problems.BadRequest("Web chat cannot receive files yet; send a link instead.");
        }

        var contentType = string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType;
        var fileName = SafeFileName(file.FileName);
        var attachmentId = "a1";
        var blobName = MediaStore.BlobName(summary.OrganisationId, summary.ConversationId, GrainKeys.NewId("up"), attachmentId);
        await using (var content = file.OpenReadStream())
        {
            await media.SaveAsync(blobName, await BinaryData.FromStreamAsync(content, http.RequestAborted), contentType, fileName, http.RequestAborted);
        }

        var kind = contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? AttachmentKind.Image
            : contentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) ? AttachmentKind.Audio
            : contentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase) ? AttachmentKind.Video
            : AttachmentKind.File;
        var user = CurrentUser.From(http.User);
        var reply = new AgentReply(user.UserId, user.Name, caption ?? "", clientMessageId, null,
            [new MessageAttachment(attachmentId, kind, fileName, contentType, file.Length, null, blobName)]);
        var stored = await conversation.ReplyAsync(reply);
        return TypedResults.Created($"/api/v1/conversations/{conversationId}/messages?before={stored.Sequence + 1}&limit=1", stored);
    }

    /// <summary>The customer's profile picture, when their platform gave one (Messenger, Instagram, LINE).</summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> AvatarAsync(string conversationId, IGrainFactory grains, MediaStore media, HttpContext http)
    {
        var summary = ConversationsApi.Grain(grains, http, conversationId) is { } conversation ? await conversation.GetSummaryAsync() : null;
        if (summary is null)
        {
            return Problems.NotFound("conversation", conversationId);
        }

        if (!summary.ContactHasAvatar || await media.OpenAsync(MediaStore.AvatarBlobName(summary.OrganisationId, summary.ContactId), http.RequestAborted) is not { } picture)
        {
            return TypedResults.Problem("The customer's platform gave no profile picture.", statusCode: StatusCodes.Status404NotFound, title: "No picture.");
        }

        return Serve(http, picture, downloadName: null, cache: true);
    }

    public static async Task<Results<FileStreamHttpResult, NotFound>> PublicAsync(string token, MediaLinks links, MediaStore media, HttpContext http)
    {
        if (links.BlobFor(token) is not { } blobName || await media.OpenAsync(blobName, http.RequestAborted) is not { } file)
        {
            return TypedResults.NotFound();
        }

        return Serve(http, file, file.FileName, cache: false);
    }

    /// <summary>
    /// Streams a stored file so it can never act as a page of the inbox's origin: no sniffing, a sandboxing CSP, and
    /// anything but images, audio and video as a download named <paramref name="downloadName"/> (or as bare bytes).
    /// </summary>
    private static FileStreamHttpResult Serve(HttpContext http, MediaBlob file, string? downloadName, bool cache, bool ranges = false)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        if (cache)
        {
            http.Response.Headers.CacheControl = "private, max-age=3600";
        }

        var inline = Inline.Contains(file.ContentType);
        return TypedResults.Stream(
            file.Content,
            inline || downloadName is not null ? file.ContentType : "application/octet-stream",
            fileDownloadName: inline ? null : downloadName,
            enableRangeProcessing: ranges);
    }

    // A name to show and to hand to platforms: no path, no control characters, not too long.
    private static string SafeFileName(string? name)
    {
        var bare = Path.GetFileName(name ?? "").Where(c => !char.IsControl(c) && c is not ('"' or '\\' or '/')).ToArray();
        var clean = new string(bare).Trim();
        return clean.Length == 0 ? "file" : clean.Length > MaxFileNameLength ? clean[^MaxFileNameLength..] : clean;
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetAsync(
        string conversationId, long sequence, string attachmentId, IGrainFactory grains, MediaStore media, HttpContext http)
    {
        if (ConversationsApi.Grain(grains, http, conversationId) is not { } conversation)
        {
            return Problems.NotFound("conversation", conversationId);
        }

        var attachment = await conversation.GetAttachmentAsync(sequence, attachmentId);
        if (attachment is null)
        {
            return Problems.NotFound("attachment", $"{sequence}/{attachmentId}");
        }

        if (attachment.BlobName is null || await media.OpenAsync(attachment.BlobName, http.RequestAborted) is not { } file)
        {
            return TypedResults.Problem(
                "The file is not in the inbox: it is still being downloaded from the platform, or the download failed (the message's notice says why).",
                statusCode: StatusCodes.Status404NotFound,
                title: "Attachment not available.");
        }

        return Serve(http, file, file.FileName ?? attachment.FileName ?? attachmentId, cache: true, ranges: true);
    }
}
