using System.ComponentModel.DataAnnotations;

namespace Inbox.Silo.Seeding;

/// <summary>A team.</summary>
public sealed class SeedTeam
{
    [Required, RegularExpression(SeedPatterns.Id)]
    public string TeamId { get; set; } = "";

    [Required]
    public string Name { get; set; } = "";
}
