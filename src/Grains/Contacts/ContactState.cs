namespace Inbox.Grains.Contacts;

/// <summary>A customer as stored.</summary>
[GenerateSerializer, Alias("inbox.contact-state.v1")]
public sealed class ContactState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public List<string> Identities { get; set; } = [];
    [Id(2)] public DateTimeOffset CreatedAt { get; set; }

    // Ids 3-5 came with routing rules; contacts stored before them have no language and no attributes.
    [Id(3)] public string? Language { get; set; }
    [Id(4)] public bool LanguageSetByAgent { get; set; }
    [Id(5)] public Dictionary<string, string> Attributes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    // The customer's conversations, newest last, at most ContactGrain.MaxConversations: agents see the customer through
    // them. Contacts stored before 2026-11-27 learn theirs from the conversation list when an agent first asks.
    [Id(6)] public List<string> ConversationIds { get; set; } = [];
}
