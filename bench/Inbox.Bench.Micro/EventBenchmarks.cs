using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Inbox.Contracts.Channels;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Events;
using Inbox.Contracts.Messages;
using Inbox.Contracts.Serialization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

namespace Inbox.Bench.Micro;

/// <summary>
/// A <c>message.created</c> <see cref="InboxEvent"/> for an incoming WhatsApp message: as JSON with the API's options, as
/// the SignalR frame the gateway sends agents (the JSON hub protocol set up with <see cref="InboxJson.Apply"/>, one
/// <c>ReceiveEvent</c> invocation), and through the Orleans serializer that carries it from the silo to the gateway.
/// </summary>
[MemoryDiagnoser]
public class EventBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private readonly InboxEvent _event = MessageCreated();
    private readonly JsonSerializerOptions _json = InboxJson.CreateOptions();
    private readonly JsonHubProtocol _hubProtocol = HubProtocol();
    private ServiceProvider _services = null!;
    private Serializer _serializer = null!;
    private byte[] _orleansBytes = [];

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        _serializer = _services.GetRequiredService<Serializer>();
        _orleansBytes = _serializer.SerializeToArray(_event);
        if (_serializer.Deserialize<InboxEvent>(_orleansBytes) is not { Message: { } message } copy || copy.Conversation != _event.Conversation || message.Text != _event.Message!.Text)
        {
            throw new InvalidOperationException("The Orleans serializer does not round-trip the event.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public byte[] JsonPayload() => JsonSerializer.SerializeToUtf8Bytes(_event, _json);

    [Benchmark]
    public ReadOnlyMemory<byte> SignalRFrame() => _hubProtocol.GetMessageBytes(new InvocationMessage("ReceiveEvent", [_event]));

    [Benchmark]
    public byte[] OrleansSerialize() => _serializer.SerializeToArray(_event);

    [Benchmark]
    public InboxEvent? OrleansDeserialize() => _serializer.Deserialize<InboxEvent>(_orleansBytes);

    [Benchmark]
    public InboxEvent? OrleansRoundTrip() => _serializer.Deserialize<InboxEvent>(_serializer.SerializeToArray(_event));

    private static JsonHubProtocol HubProtocol()
    {
        var options = new JsonHubProtocolOptions();
        InboxJson.Apply(options.PayloadSerializerOptions);
        return new JsonHubProtocol(Options.Create(options));
    }

    private static InboxEvent MessageCreated()
    {
        const string wamid = "wamid.HBgNNDkxNTExMjM0NTY3OBUCABIYFjNFQjBDNzk0RjA0QjI3QTk1NzlGQzcA";
        var summary = new ConversationSummary(
            OrganisationId: "acme",
            ConversationId: "cv_01JDQ7Z8K4M2N6P9R3T5V7X9YB",
            ChannelId: "whatsapp-support",
            Platform: Platform.WhatsApp,
            ContactId: "ct_01JDQ7Z8K4M2N6P9R3T5V7X9YC",
            ContactName: "Jana Müller",
            ChannelUserId: "4915112345678",
            Status: ConversationStatus.Open,
            AssigneeId: "u_01JDQ6A1B2C3D4E5F6G7H8J9K0",
            LastSequence: 7,
            LastMessagePreview: Webhooks.Text,
            CreatedAt: Now.AddMinutes(-42),
            LastActivityAt: Now,
            TeamId: "tier1",
            ContactHasAvatar: true);
        var message = new MessageRecord(
            ConversationId: summary.ConversationId,
            Sequence: 7,
            MessageId: "msg_01JDQ7ZC3E5G7J9L1N3Q5S7U9W",
            Kind: MessageKind.Incoming,
            Text: Webhooks.Text,
            AuthorId: summary.ContactId,
            AuthorName: summary.ContactName,
            ExternalId: wamid,
            DeliveryStatus: DeliveryStatus.Delivered,
            CreatedAt: Now);
        return new InboxEvent(EventNames.MessageCreated, message.Sequence, summary, message);
    }
}
