using System.ComponentModel.DataAnnotations;

namespace Inbox.Silo.Seeding;

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
