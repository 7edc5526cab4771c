namespace Inbox.Grains.Contacts;

/// <summary>A contact's profile.</summary>
[GenerateSerializer, Alias("inbox.contact-state.v1")]
public sealed class ContactState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public List<string> Identities { get; set; } = [];
    [Id(2)] public DateTimeOffset CreatedAt { get; set; }
}
