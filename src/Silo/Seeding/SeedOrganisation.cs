using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Inbox.Silo.Seeding;

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
    public List<SeedPlatformChannel> Platforms { get; set; } = [];

    [ValidateEnumeratedItems]
    public List<SeedTeam> Teams { get; set; } = [];

    [ValidateEnumeratedItems]
    public List<SeedUser> Users { get; set; } = [];
}
