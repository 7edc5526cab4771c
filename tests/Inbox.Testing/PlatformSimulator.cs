using Inbox.Simulator;
using Inbox.Simulator.Platforms;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Testing;

/// <summary>The platform simulator hosted in the test process on a free port, so tests read what it received directly.</summary>
public sealed class PlatformSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PlatformSimulator(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>What the platforms received, and the faults to inject.</summary>
    public SimulatorState State => _app.Services.GetRequiredService<SimulatorState>();

    /// <summary>The silo settings (environment variable names) that point every platform's API here.</summary>
    public IReadOnlyDictionary<string, string> SiloSettings =>
        SimulatorApp.BaseUrls(Url).ToDictionary(p => $"Inbox__Channels__BaseUrls__{p.Key}", p => p.Value.ToString());

    public static async Task<PlatformSimulator> StartAsync()
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var app = SimulatorApp.Create(["--Logging:LogLevel:Default=Warning"], url.ToString().TrimEnd('/'));
        await app.StartAsync();
        return new PlatformSimulator(app, url);
    }

    /// <summary>The requests <paramref name="platform"/>'s API received, oldest first.</summary>
    public IReadOnlyList<ReceivedRequest> Received(string platform) => [.. State.Received.Where(r => r.Platform == platform)];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
