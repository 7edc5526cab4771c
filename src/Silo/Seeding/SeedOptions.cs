using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Inbox.Silo.Seeding;

/// <summary>
/// Organisations to create at start when missing: how an operator bootstraps a tenant (its first admin, channels and
/// teams) and how <c>./run.sh</c> seeds the demo. Off unless enabled. Passwords here are initial passwords only.
/// </summary>
public sealed class SeedOptions
{
    public const string SectionName = "Inbox:Seed";

    /// <summary>Create what is listed (idempotent: existing things are left as they are).</summary>
    public bool Enabled { get; set; }

    [ValidateEnumeratedItems]
    public List<SeedOrganisation> Organisations { get; set; } = [];
}

/// <summary>One organisation to seed.</summary>
public sealed class SeedOrganisation
{
    [Required, RegularExpression(SeedPatterns.Id)]
    public string OrganisationId { get; set; } = "";

    [Required]
    public string Name { get; set; } = "";

    [ValidateEnumeratedItems]
    public List<SeedWebChat> WebChat { get; set; } = [];

    [ValidateEnumeratedItems]
    public List<SeedTeam> Teams { get; set; } = [];

    [ValidateEnumeratedItems]
    public List<SeedUser> Users { get; set; } = [];
}

/// <summary>A web-chat channel and the public token its widget identifies itself with.</summary>
public sealed class SeedWebChat
{
    [Required, RegularExpression(SeedPatterns.Id)]
    public string ChannelId { get; set; } = "";

    [Required]
    public string Name { get; set; } = "";

    [Required, RegularExpression("^[A-Za-z0-9_-]{8,64}$")]
    public string WebsiteToken { get; set; } = "";
}

/// <summary>A team.</summary>
public sealed class SeedTeam
{
    [Required, RegularExpression(SeedPatterns.Id)]
    public string TeamId { get; set; } = "";

    [Required]
    public string Name { get; set; } = "";
}

/// <summary>A user, created active with an initial password (hashed; never stored as given).</summary>
public sealed class SeedUser
{
    [Required, RegularExpression(SeedPatterns.Id)]
    public string UserId { get; set; } = "";

    [Required]
    public string Name { get; set; } = "";

    [Required]
    public string Email { get; set; } = "";

    public Contracts.Users.UserRole Role { get; set; }

    [Required, MinLength(8)]
    public string Password { get; set; } = "";

    public List<string> Teams { get; set; } = [];

    public List<string> Channels { get; set; } = [];
}

/// <summary>Validates the seed configuration, list items included, at start.</summary>
[OptionsValidator]
public sealed partial class SeedOptionsValidator : IValidateOptions<SeedOptions>;

internal static class SeedPatterns
{
    public const string Id = "^[A-Za-z0-9_-]{1,64}$";
}
