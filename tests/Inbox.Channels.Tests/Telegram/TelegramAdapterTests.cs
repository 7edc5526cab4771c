using System.Text;
using Inbox.Channels.Inbound;
using Inbox.Channels.Telegram;
using Inbox.Channels.Webhooks;

namespace Inbox.Channels.Tests.Telegram;

/// <summary>Telegram updates in the Bot API's real format (ids invented) and the webhook's secret-token check.</summary>
public sealed class TelegramAdapterTests
{
    private const string Secret = "tg_S3cret-Example_01";
    private static readonly Dictionary<string, string> Credentials = new() { [TelegramAdapter.SecretTokenField] = Secret };
    private readonly TelegramAdapter _adapter = new();

    [Fact]
    public void The_right_secret_token_is_accepted_and_a_wrong_or_missing_one_rejected()
    {
        Assert.IsType<WebhookCheck.Accepted>(_adapter.Check(Request(Secret), Credentials));
        Assert.IsType<WebhookCheck.Rejected>(_adapter.Check(Request("tg_S3cret-Example_02"), Credentials));
        Assert.IsType<WebhookCheck.Rejected>(_adapter.Check(Request(Secret[..^1]), Credentials));
        Assert.IsType<WebhookCheck.Rejected>(_adapter.Check(Request(null), Credentials));
        Assert.IsType<WebhookCheck.Rejected>(_adapter.Check(Request(Secret), new Dictionary<string, string>()));
    }

    [Fact]
    public void A_text_message_names_the_chat_the_sender_and_the_time()
    {
        var message = Single("""
            { "update_id": 804712345,
              "message": { "message_id": 42,
                "from": { "id": 111222333, "is_bot": false, "first_name": "Ana", "last_name": "Silva", "username": "ana_example", "language_code": "pt-br" },
                "chat": { "id": 111222333, "first_name": "Ana", "last_name": "Silva", "username": "ana_example", "type": "private" },
                "date": 1717000000, "text": "Hi, my order #12345 hasn't arrived" } }
            """);

        Assert.Equal("111222333:42", message.ExternalId);
        Assert.Equal("111222333", message.ConversationKey);
        Assert.Equal(new PlatformUser("111222333", "Ana Silva", "ana_example", "pt-br"), message.Sender);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1717000000), message.SentAt);
        Assert.Equal("Hi, my order #12345 hasn't arrived", message.Text);
        Assert.Empty(message.Attachments);
        Assert.Null(message.Unsupported);
    }

    [Fact]
    public void A_photo_takes_its_largest_size_and_its_caption()
    {
        var message = Single(Envelope("""
            "photo": [
              { "file_id": "AgACAgQAAxkBAAIBExample_s", "file_unique_id": "AQADsmall1", "file_size": 1532, "width": 90, "height": 67 },
              { "file_id": "AgACAgQAAxkBAAIBExample_m", "file_unique_id": "AQADmed001", "file_size": 21011, "width": 320, "height": 240 },
              { "file_id": "AgACAgQAAxkBAAIBExample_l", "file_unique_id": "AQADlarge1", "file_size": 98764, "width": 1280, "height": 960 } ],
            "caption": "the box arrived like this"
            """));

        Assert.Equal("the box arrived like this", message.Text);
        Assert.Equal(new InboundAttachment(AttachmentKind.Image, "AgACAgQAAxkBAAIBExample_l", null, "image/jpeg", 98764), Assert.Single(message.Attachments));
    }

    [Theory]
    [InlineData("""
        "voice": { "file_id": "AwACAgQAAxkBAAIBExampleVoice", "file_unique_id": "AgADvoice01", "duration": 4, "mime_type": "audio/ogg", "file_size": 14321 }
        """, AttachmentKind.Voice, "AwACAgQAAxkBAAIBExampleVoice", null, "audio/ogg", 14321L)]
    [InlineData("""
        "document": { "file_id": "BQACAgQAAxkBAAIBExampleDoc", "file_unique_id": "AgADdoc0001", "file_name": "receipt.pdf", "mime_type": "application/pdf", "file_size": 48213 }
        """, AttachmentKind.File, "BQACAgQAAxkBAAIBExampleDoc", "receipt.pdf", "application/pdf", 48213L)]
    [InlineData("""
        "audio": { "file_id": "CQACAgQAAxkBAAIBExampleAudio", "file_unique_id": "AgADaudio01", "duration": 61, "file_name": "song.mp3", "mime_type": "audio/mpeg", "file_size": 912345 }
        """, AttachmentKind.Audio, "CQACAgQAAxkBAAIBExampleAudio", "song.mp3", "audio/mpeg", 912345L)]
    [InlineData("""
        "video": { "file_id": "BAACAgQAAxkBAAIBExampleVideo", "file_unique_id": "AgADvideo01", "width": 640, "height": 360, "duration": 9, "mime_type": "video/mp4", "file_size": 734001 }
        """, AttachmentKind.Video, "BAACAgQAAxkBAAIBExampleVideo", null, "video/mp4", 734001L)]
    [InlineData("""
        "sticker": { "file_id": "CAACAgIAAxkBAAIBExampleSticker", "file_unique_id": "AgADstick01", "type": "regular", "width": 512, "height": 512, "is_animated": false, "is_video": false, "file_size": 23110 }
        """, AttachmentKind.Sticker, "CAACAgIAAxkBAAIBExampleSticker", null, "image/webp", 23110L)]
    public void A_file_message_carries_one_attachment_of_the_right_kind(string content, AttachmentKind kind, string fileId, string? fileName, string mimeType, long size)
    {
        var message = Single(Envelope(content));
        Assert.Equal(new InboundAttachment(kind, fileId, fileName, mimeType, size), Assert.Single(message.Attachments));
        Assert.Null(message.Unsupported);
    }

    [Fact]
    public void A_location_and_a_venue_become_a_place()
    {
        Assert.Equal(new InboundLocation(-23.5505, -46.6333, null, null), Single(Envelope(""" "location": { "latitude": -23.5505, "longitude": -46.6333 } """)).Location);
        Assert.Equal(
            new InboundLocation(-23.5613, -46.6565, "Paulista store", "Av. Paulista, 1000"),
            Single(Envelope(""" "venue": { "location": { "latitude": -23.5613, "longitude": -46.6565 }, "title": "Paulista store", "address": "Av. Paulista, 1000" }, "location": { "latitude": -23.5613, "longitude": -46.6565 } """)).Location);
    }

    [Fact]
    public void A_shared_contact_is_shown_as_text()
    {
        var message = Single(Envelope(""" "contact": { "phone_number": "+5511999990000", "first_name": "Bruno", "last_name": "Lima" } """));
        Assert.Equal("Shared contact: Bruno Lima +5511999990000", message.Text);
    }

    [Fact]
    public void A_message_the_inbox_cannot_show_is_kept_as_unsupported_rather_than_dropped()
    {
        var message = Single(Envelope(""" "poll": { "id": "5012345", "question": "Which colour?", "options": [ { "text": "Red", "voter_count": 0 }, { "text": "Blue", "voter_count": 0 } ], "total_voter_count": 0, "is_closed": false, "is_anonymous": true, "type": "regular", "allows_multiple_answers": false } """));
        Assert.Equal("Poll", message.Unsupported);
        Assert.Equal("111222333:43", message.ExternalId);
    }

    [Fact]
    public void An_edit_is_a_message_of_its_own_apart_from_the_original()
    {
        var edited = Assert.IsType<InboundMessage>(Assert.Single(_adapter.Parse(Bytes("""
            { "update_id": 804712399,
              "edited_message": { "message_id": 42, "from": { "id": 111222333, "is_bot": false, "first_name": "Ana" },
                "chat": { "id": 111222333, "type": "private", "first_name": "Ana" }, "date": 1717000000, "edit_date": 1717000300,
                "text": "Hi, my order #12346 hasn't arrived" } }
            """))));
        Assert.StartsWith("111222333:42:edit:", edited.ExternalId, StringComparison.Ordinal);
        Assert.Equal("Hi, my order #12346 hasn't arrived", edited.Text);
    }

    [Fact]
    public void A_pressed_quick_reply_button_arrives_as_its_data_from_that_chat()
    {
        var pressed = Assert.IsType<InboundMessage>(Assert.Single(_adapter.Parse(Bytes("""
            { "update_id": 804712400,
              "callback_query": { "id": "4382bfdwdsb323b2d9", "from": { "id": 111222333, "is_bot": false, "first_name": "Ana" }, "chat_instance": "-123456789",
                "message": { "message_id": 44, "from": { "id": 123456789, "is_bot": true, "first_name": "Support" },
                  "chat": { "id": 111222333, "type": "private", "first_name": "Ana" }, "date": 1717000120, "text": "Was this helpful?" },
                "data": "yes" } }
            """))));
        Assert.Equal(("callback:4382bfdwdsb323b2d9", "111222333", "yes"), (pressed.ExternalId, pressed.ConversationKey, pressed.Text));
    }

    [Fact]
    public void Blocking_and_unblocking_the_bot_change_reachability()
    {
        static string Member(string status) => $$"""
            { "update_id": 804712401,
              "my_chat_member": { "chat": { "id": 111222333, "type": "private", "first_name": "Ana" },
                "from": { "id": 111222333, "is_bot": false, "first_name": "Ana" }, "date": 1717000500,
                "old_chat_member": { "status": "member", "user": { "id": 123456789, "is_bot": true, "first_name": "Support" } },
                "new_chat_member": { "status": "{{status}}", "user": { "id": 123456789, "is_bot": true, "first_name": "Support" }{{(status == "kicked" ? ", \"until_date\": 0" : "")}} } } }
            """;

        Assert.Equal(new ReachabilityChanged("111222333", true, DateTimeOffset.FromUnixTimeSeconds(1717000500)), Assert.Single(_adapter.Parse(Bytes(Member("kicked")))));
        Assert.Equal(new ReachabilityChanged("111222333", false, DateTimeOffset.FromUnixTimeSeconds(1717000500)), Assert.Single(_adapter.Parse(Bytes(Member("member")))));
    }

    [Fact]
    public void An_update_kind_the_inbox_has_no_use_for_is_ignored_and_unknown_fields_are_tolerated()
    {
        var ignored = Assert.IsType<IgnoredEvent>(Assert.Single(_adapter.Parse(Bytes("""
            { "update_id": 804712402, "some_future_field": { "x": 1 },
              "channel_post": { "message_id": 7, "chat": { "id": -1001234567890, "type": "channel", "title": "News" }, "date": 1717000600, "text": "Sale!" } }
            """))));
        Assert.Equal("ChannelPost", ignored.Kind);

        var text = Single("""{ "update_id": 1, "message": { "message_id": 1, "chat": { "id": 5, "type": "private", "first_name": "Bo", "new_thing": true }, "date": 1717000000, "text": "hi", "brand_new_field": [1, 2] } }""");
        Assert.Equal(("5", "Bo"), (text.Sender.Id, text.Sender.DisplayName));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("null")]
    [InlineData("""{ "update_id": "not a number" }""")]
    public void A_body_that_is_not_an_update_is_a_format_error(string body) =>
        Assert.Throws<WebhookFormatException>(() => _adapter.Parse(Bytes(body)));

    private InboundMessage Single(string update) => Assert.IsType<InboundMessage>(Assert.Single(_adapter.Parse(Bytes(update))));

    private static string Envelope(string content) => $$"""
        { "update_id": 804712346,
          "message": { "message_id": 43, "from": { "id": 111222333, "is_bot": false, "first_name": "Ana" },
            "chat": { "id": 111222333, "type": "private", "first_name": "Ana" }, "date": 1717000060, {{content}} } }
        """;

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static WebhookRequest Request(string? secret) => new(
        "POST",
        name => string.Equals(name, TelegramAdapter.SecretTokenHeader, StringComparison.OrdinalIgnoreCase) ? secret : null,
        _ => null,
        Bytes("{}"));
}
