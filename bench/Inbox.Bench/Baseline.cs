using System.Security.Cryptography;
using System.Text;
using Inbox.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Bench;

/// <summary>
/// The limits the inbox's figures are read against, on the same machine in the same run: a bare Kestrel endpoint that
/// checks the same HMAC signature and answers 200, a bare echo, and a bare SignalR hub that echoes.
/// </summary>
internal sealed class Baseline : IAsyncDisposable
{
    public const string Secret = "bench-app-secret";

    private readonly WebApplication _app;

    private Baseline(WebApplication app, Uri url) => (_app, Url) = (app, url);

    public Uri Url { get; }

    public static async Task<Baseline> StartAsync()
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url.ToString().TrimEnd('/'));
        builder.Logging.ClearProviders();
        builder.Services.AddSignalR();
        var app = builder.Build();
        var key = Encoding.UTF8.GetBytes(Secret);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var header = request.Headers["X-Hub-Signature-256"].ToString();
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, buffer.ToArray()));
            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(header), Encoding.ASCII.GetBytes(expected)) ? Results.Ok() : Results.Unauthorized();
        });
        app.MapGet("/echo", () => "ok");
        app.MapHub<EchoHub>("/hubs/echo");
        await app.StartAsync();
        return new Baseline(app, url);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Echoes what it is sent: the round trip of a bare SignalR hub.</summary>
    internal sealed class EchoHub : Hub
    {
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Hub methods are instance methods.")]
        public string Echo(string text) => text;
    }
}
