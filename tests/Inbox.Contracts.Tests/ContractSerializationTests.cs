using Inbox.Contracts.Channels;
using Inbox.Contracts.Contacts;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Errors;
using Inbox.Contracts.Events;
using Inbox.Contracts.Messages;
using Inbox.Contracts.Organisations;
using Inbox.Contracts.Security;
using Inbox.Contracts.Users;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Inbox.Contracts.Tests;

/// <summary>
/// Every type that crosses a process boundary round-trips through the Orleans serializer: a type missing its
/// [GenerateSerializer] builds fine and fails only at run time.
/// </summary>
public sealed class ContractSerializationTests
{
    private readonly Serializer _serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly ConversationSummary Summary = new("demo", "cv_1", "web", Platform.WebChat, "ct_1", "Visitor", "v_1", ConversationStatus.Open, "u_1", 3, "hello", Now, Now);
    private static readonly MessageRecord Message = new("cv_1", 3, "msg_1", MessageKind.Outgoing, "hello", "u_1", "Alex", "c-1", DeliveryStatus.Sent, Now);

    public static TheoryData<object> Contracts() =>
    [
        Summary,
        Summary with { Platform = Platform.WhatsApp, ReplyWindowClosesAt = Now.AddHours(24) },
        Message,
        new ConversationStart("web", Platform.Line, "ct_1", "Visitor", "U123"),
        new ConversationQuery(ConversationStatus.Resolved, 10),
        new MessagePage([Message], true),
        new InboundMessage("wamid-1", "hi"),
        new InboundMessage("wamid-2", "hi", SentAt: Now.AddHours(-2)),
        new AgentReply("u_1", "Alex", "hi", null),
        new ChannelInfo("demo", "web", Platform.WebChat, "Acme website"),
        new ConversationRef("ct_1", "cv_1"),
        new ContactProfile("demo", "ct_1", "Visitor", ["web:v_1"], Now),
        new OrganisationInfo("demo", "Acme", ["web"], [new Team("tier2", "Tier 2")]),
        new InboxEvent(EventNames.MessageCreated, 3, Summary, Message),
        new UserProfile("demo", "u_1", "Alex", "alex@acme.test", UserRole.Supervisor, UserStatus.Active, ["tier2"], ["web"], 3),
        new NewUser("Alex", "alex@acme.test", UserRole.Admin, "a password", ["tier2"], ["web"]),
        new UserInvite("Alex", "alex@acme.test", UserRole.Agent, ["tier2"], ["web"]),
        new UserChange(null, UserRole.Supervisor, ["tier2"], null),
        new Invitation(new UserProfile("demo", "u_1", "Alex", "alex@acme.test", UserRole.Agent, UserStatus.Invited, [], [], 0), "token", Now),
        Caller.User("demo", "u_1", "Alex", UserRole.Agent, ["web"], ["tier2"], "127.0.0.1"),
        Caller.Visitor("demo", "web", "v_1", "Visitor", null),
        Caller.Service("gateway"),
        new SignInAnswer(SignInOutcome.LockedOut, null, Now),
    ];

    [Theory]
    [MemberData(nameof(Contracts))]
    public void A_contract_round_trips_through_the_orleans_serializer(object value)
    {
        var serializer = _serializer;
        var copy = serializer.Deserialize<object>(serializer.SerializeToArray(value));
        Assert.NotNull(copy);
        Assert.Equal(value.GetType(), copy.GetType());
        Assert.Equivalent(value, copy, strict: true);
    }

    public static TheoryData<Exception> Exceptions() =>
    [
        new ConversationNotFoundException("demo:cv_1"),
        new UserNotFoundException("demo:u_1"),
        new InvitationNotFoundException(),
        new ConflictException("demo:u_1 is taken"),
        new AccessDeniedException("demo:cv_1 refused"),
    ];

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void An_exception_the_gateway_maps_keeps_its_type_and_message_across_the_wire(Exception exception)
    {
        var serializer = _serializer;
        var copy = serializer.Deserialize<Exception>(serializer.SerializeToArray(exception));
        Assert.IsType(exception.GetType(), copy);
        Assert.Equal(exception.Message, copy.Message);
    }
}
