using System.ComponentModel.DataAnnotations;

namespace Inbox.Silo.Seeding;

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
