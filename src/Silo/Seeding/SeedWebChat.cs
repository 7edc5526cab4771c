using System.ComponentModel.DataAnnotations;
using Inbox.Contracts.Channels;

namespace Inbox.Silo.Seeding;

/// <summary>A web-chat channel and the public token its widget identifies itself with.</summary>
public sealed class SeedWebChat
{
    [Required, RegularExpression(SeedPatterns.Id)]
    public string ChannelId { get; set; } = "";

    [Required]
    public string Name { get; set; } = "";

    [Required, RegularExpression(ChannelHandles.WebsiteTokenPattern)]
    public string WebsiteToken { get; set; } = "";
}
