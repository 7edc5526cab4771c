namespace Inbox.Grains.Users;

/// <summary>Which user an email belongs to.</summary>
[GenerateSerializer, Alias("inbox.email-state.v1")]
public sealed class EmailState
{
    [Id(0)] public string? UserKey { get; set; }
}
