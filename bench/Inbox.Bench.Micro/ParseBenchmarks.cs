using BenchmarkDotNet.Attributes;
using Inbox.Channels;
using Inbox.Channels.Inbound;

namespace Inbox.Bench.Micro;

/// <summary><see cref="IChannelAdapter.Parse"/> of one customer text message, in each platform's own envelope.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private Parse _whatsApp = null!;
    private Parse _telegram = null!;
    private Parse _messenger = null!;
    private Parse _line = null!;

    [GlobalSetup]
    public void Setup()
    {
        _whatsApp = new Parse("whatsapp");
        _telegram = new Parse("telegram");
        _messenger = new Parse("messenger");
        _line = new Parse("line");
    }

    [Benchmark]
    public IReadOnlyList<InboundEvent> WhatsAppText() => _whatsApp.Run();

    [Benchmark]
    public IReadOnlyList<InboundEvent> TelegramUpdate() => _telegram.Run();

    [Benchmark]
    public IReadOnlyList<InboundEvent> MessengerMessage() => _messenger.Run();

    [Benchmark]
    public IReadOnlyList<InboundEvent> LineEvent() => _line.Run();

    private sealed class Parse
    {
        private readonly IChannelAdapter _adapter;
        private readonly ReadOnlyMemory<byte> _body;

        public Parse(string platform)
        {
            _adapter = Webhooks.Adapter(platform);
            _body = Webhooks.TextMessage(platform).Body;
            Webhooks.EnsureMessage(_adapter, _body);
        }

        public IReadOnlyList<InboundEvent> Run() => _adapter.Parse(_body);
    }
}
