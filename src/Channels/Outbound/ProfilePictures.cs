namespace Inbox.Channels.Outbound;

/// <summary>Customers' profile pictures, fetched from the (public, expiring) URL a profile API gave.</summary>
public static class ProfilePictures
{
    /// <summary>The largest picture kept.</summary>
    public const long MaxBytes = 2 * 1024 * 1024;

    /// <summary>The picture and its media type, or null when it cannot be had or is not an image.</summary>
    public static async Task<(byte[] Content, string ContentType)?> DownloadAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        if (url.Scheme is not ("https" or "http"))
        {
            return null;
        }

        var (answer, _) = await PlatformHttp.GetAsync(http, url, cancellationToken, maxBytes: MaxBytes);
        return answer is { IsSuccess: true, ContentType: { } type } a && type.StartsWith("image/", StringComparison.Ordinal) ? (a.Body, type) : null;
    }
}
