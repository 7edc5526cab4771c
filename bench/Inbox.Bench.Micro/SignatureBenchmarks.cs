using BenchmarkDotNet.Attributes;
using Inbox.Channels;
using Inbox.Channels.Webhooks;

namespace Inbox.Bench.Micro;

/// <summary>
/// <see cref="IChannelAdapter.Check"/> on a genuine text-message webhook: Meta's X-Hub-Signature-256 (hex HMAC-SHA256 of
/// the body, here WhatsApp's), LINE's x-line-signature (Base64 HMAC-SHA256) and Telegram's secret-token header.
/// </summary>
[MemoryDiagnoser]
public class SignatureBenchmarks
{
    private Check _whatsApp = null!;
    private Check _line = null!;
    private Check _telegram = null!;

    [GlobalSetup]
    public void Setup()
    {
        _whatsApp = new Check("whatsapp");
        _line = new Check("line");
        _telegram = new Check("telegram");
    }

    [Benchmark]
    public WebhookCheck WhatsAppHubSignature256() => _whatsApp.Run();

    [Benchmark]
    public WebhookCheck LineSignature() => _line.Run();

    [Benchmark]
    public WebhookCheck TelegramSecretToken() => _telegram.Run();

    private sealed class Check
    {
        private readonly IChannelAdapter _adapter;
        private readonly WebhookRequest _request;
        private readonly IReadOnlyDictionary<string, string> _credentials;

        public Check(string platform)
        {
            _adapter = Webhooks.Adapter(platform);
            _credentials = Webhooks.Fields(platform);
            _request = Webhooks.Request(Webhooks.TextMessage(platform));
            Webhooks.EnsureAccepted(_adapter, _request, _credentials);
        }

        public WebhookCheck Run() => _adapter.Check(_request, _credentials);
    }
}
