using System.Text;

namespace Inbox.Simulator.Webhooks;

/// <summary>One webhook request exactly as the platform would send it: method, query, headers and the signed bytes.</summary>
/// <param name="Method">GET for verification handshakes, POST for events.</param>
/// <param name="Query">The query string without '?', or empty.</param>
/// <param name="Body">The body bytes the signature covers.</param>
/// <param name="ContentType">The body's media type.</param>
/// <param name="Headers">Extra headers (signatures, secret tokens).</param>
public sealed record SimulatedWebhook(HttpMethod Method, string Query, byte[] Body, string ContentType, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The body as text, for assertions and logs.</summary>
    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>The request to send to <paramref name="webhookUrl"/> (the channel's <c>/webhooks/{platform}/{channelId}</c> URL).</summary>
    public HttpRequestMessage ToRequest(Uri webhookUrl)
    {
        var request = new HttpRequestMessage(Method, Query.Length == 0 ? webhookUrl : new Uri(webhookUrl + "?" + Query));
        if (Method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(Body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    /// <summary>The same request with other body bytes but the original signature, as a tamperer would send it.</summary>
    public SimulatedWebhook Tampered(Func<string, string> change) => this with { Body = Encoding.UTF8.GetBytes(change(Text)) };
}
