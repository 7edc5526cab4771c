using System.ComponentModel.DataAnnotations;

namespace Inbox.Silo.Seeding;

/// <summary>A platform channel to connect when seeding (the demo's channels, whose platforms are the simulator).</summary>
public sealed class SeedPlatformChannel
{
    [Required, RegularExpression(SeedPatterns.Id)]
    public string ChannelId { get; set; } = "";

    /// <summary>The platform's wire name (<c>whatsapp</c>, <c>telegram</c>, …).</summary>
    [Required]
    public string Platform { get; set; } = "";

    [Required]
    public string Name { get; set; } = "";

    /// <summary>The platform's fields, generated tokens included (so the simulator can sign with them).</summary>
    public Dictionary<string, string> Fields { get; set; } = [];
}
