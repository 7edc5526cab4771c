namespace Inbox.Grains.Users;

/// <summary>Which user a handle belongs to.</summary>
[GenerateSerializer, Alias("inbox.user-handle-state.v1")]
public sealed class UserHandleState
{
    [Id(0)] public string? UserKey { get; set; }
}
