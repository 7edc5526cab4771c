namespace Inbox.Gateway.Session;

/// <summary>The demo users who may sign in until real identity lands. Not for production.</summary>
public sealed class DemoUsersOptions
{
    public const string SectionName = "Inbox:DemoUsers";

    public List<DemoUser> Users { get; set; } = [];
}

/// <summary>One demo user.</summary>
public sealed class DemoUser
{
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public string OrganisationId { get; set; } = "";
    public string Role { get; set; } = "agent";
}
