using Inbox.Contracts.Security;
using Inbox.Gateway.Infrastructure;
using Inbox.Gateway.Security;
using Inbox.Hosting.Media;
using Microsoft.AspNetCore.Http.HttpResults;

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

    public static IEndpointRouteBuilder MapAttachmentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/conversations/{conversationId}/messages/{sequence:long}/attachments/{attachmentId}", GetAsync)
            .WithTags("Conversations")
            .RequirePermission(Permission.ConversationsRead);
        return app;
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

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        http.Response.Headers.CacheControl = "private, max-age=3600";
        var inline = Inline.Contains(file.ContentType);
        return TypedResults.Stream(
            file.Content,
            file.ContentType,
            fileDownloadName: inline ? null : file.FileName ?? attachment.FileName ?? attachmentId,
            enableRangeProcessing: true);
    }
}
