using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Hosting.Media;

/// <summary>A stored file: its content stream (the caller disposes it), media type, length and original name.</summary>
public sealed record MediaBlob(Stream Content, string ContentType, long Length, string? FileName);

/// <summary>
/// Message attachments in Azure Blob storage (container <c>inbox-media</c>), named
/// <c>{organisationId}/{conversationId}/{messageId}/{attachmentId}</c> so a name says whose file it is. Silos write what
/// customers send; gateways write what agents send and stream files to the users allowed to see them.
/// </summary>
public sealed class MediaStore(BlobServiceClient blobs)
{
    public const string ContainerName = "inbox-media";

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(ContainerName);
    private readonly Lazy<Task> _created = new(() => blobs.GetBlobContainerClient(ContainerName).CreateIfNotExistsAsync());

    /// <summary>The blob name of one attachment.</summary>
    public static string BlobName(string organisationId, string conversationId, string messageId, string attachmentId) =>
        $"{organisationId}/{conversationId}/{messageId}/{attachmentId}";

    /// <summary>The blob name of a contact's profile picture.</summary>
    public static string AvatarBlobName(string organisationId, string contactId) => $"{organisationId}/contacts/{contactId}/avatar";

    /// <summary>Stores a file under <paramref name="name"/>, replacing what is there (so a retried download is harmless).</summary>
    public async Task SaveAsync(string name, BinaryData content, string contentType, string? fileName, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        var metadata = fileName is null ? null : new Dictionary<string, string> { ["filename"] = Uri.EscapeDataString(fileName) };
        await _container.GetBlobClient(name).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = metadata,
        }, cancellationToken);
    }

    /// <summary>Opens a stored file for reading, or null when there is none under <paramref name="name"/>.</summary>
    public async Task<MediaBlob?> OpenAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var download = await _container.GetBlobClient(name).DownloadStreamingAsync(cancellationToken: cancellationToken);
            var details = download.Value.Details;
            var fileName = details.Metadata.TryGetValue("filename", out var escaped) ? Uri.UnescapeDataString(escaped) : null;
            return new MediaBlob(download.Value.Content, details.ContentType ?? "application/octet-stream", details.ContentLength, fileName);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}

/// <summary>Registers the media store over the storage account in <c>Inbox:Storage</c>.</summary>
public static class MediaStoreSetup
{
    public static IServiceCollection AddInboxMediaStore(this IServiceCollection services, IConfiguration configuration) =>
        services.AddInboxMediaStore(InboxConfiguration.Read<InboxStorageOptions>(configuration, InboxStorageOptions.SectionName).ConnectionString);

    public static IServiceCollection AddInboxMediaStore(this IServiceCollection services, string storageConnectionString)
    {
        services.AddSingleton(new MediaStore(new BlobServiceClient(storageConnectionString)));
        services.AddSingleton<MediaLinks>();
        return services;
    }
}
