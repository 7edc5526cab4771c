using System.ComponentModel.DataAnnotations;
using Inbox.Contracts.Users;

namespace Inbox.Silo.Demo;

/// <summary>The demo organisation that <c>./run.sh</c> seeds; off unless enabled.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Inbox:Demo";

    /// <summary>Seed the demo organisation at start when it is missing.</summary>
    public bool Enabled { get; set; }

    [Required, RegularExpression("^[A-Za-z0-9_-]{1,64}$")]
    public string OrganisationId { get; set; } = "demo";

    [Required]
    public string OrganisationName { get; set; } = "Acme Support";

    [Required, RegularExpression("^[A-Za-z0-9_-]{1,64}$")]
    public string WebChatChannelId { get; set; } = "web";

    [Required]
    public string WebChatChannelName { get; set; } = "Acme website";

    /// <summary>The public token the demo widget page identifies itself with.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_-]{8,128}$")]
    public string WebsiteToken { get; set; } = "demo-website-token";

    /// <summary>The demo users, created with hashed passwords when missing (the passwords here are demo-only).</summary>
    public List<DemoUser> Users { get; set; } = [];
}

/// <summary>One demo user to seed.</summary>
public sealed class DemoUser
{
    [Required, RegularExpression("^[A-Za-z0-9_-]{1,64}$")]
    public string UserId { get; set; } = "";

    [Required]
    public string Name { get; set; } = "";

    [Required]
    public string Email { get; set; } = "";

    public UserRole Role { get; set; }

    [Required]
    public string Password { get; set; } = "";
}
