using Inbox.Contracts.Messages;
using Inbox.Grains.Conversations;

namespace Inbox.Grains.Tests.Conversations;

/// <summary>Statuses arrive in any order; a message's status only ever moves forward.</summary>
public sealed class DeliveryOrderTests
{
    [Theory]
    [InlineData(DeliveryStatus.Pending, DeliveryStatus.Sent, DeliveryStatus.Sent)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Read, DeliveryStatus.Read)]
    [InlineData(DeliveryStatus.Read, DeliveryStatus.Delivered, null)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Sent, null)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Failed, DeliveryStatus.Failed)]
    [InlineData(DeliveryStatus.Read, DeliveryStatus.Failed, null)]
    [InlineData(DeliveryStatus.Failed, DeliveryStatus.Delivered, null)]
    public void A_status_only_moves_forward(DeliveryStatus from, DeliveryStatus to, DeliveryStatus? expected)
    {
        var message = Outgoing(from);
        Assert.Equal(expected, ConversationGrain.Advance(message, to, null, "why")?.DeliveryStatus);
    }

    [Fact]
    public void The_platform_id_is_kept_and_a_failure_says_why_while_incoming_messages_never_change()
    {
        var sent = ConversationGrain.Advance(Outgoing(DeliveryStatus.Pending), DeliveryStatus.Sent, "wamid.1", null)!;
        Assert.Equal("wamid.1", sent.PlatformMessageId);
        var failed = ConversationGrain.Advance(sent, DeliveryStatus.Failed, null, "Not delivered: because")!;
        Assert.Equal(("wamid.1", "Not delivered: because"), (failed.PlatformMessageId, failed.Notice));
        Assert.Null(ConversationGrain.Advance(Outgoing(DeliveryStatus.Delivered) with { Kind = MessageKind.Incoming }, DeliveryStatus.Read, null, null));
    }

    private static MessageRecord Outgoing(DeliveryStatus status) =>
        new("cv_1", 1, "msg_1", MessageKind.Outgoing, "hi", "u_agent", "Alex", null, status, DateTimeOffset.UtcNow);
}
