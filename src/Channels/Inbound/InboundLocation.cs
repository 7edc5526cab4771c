namespace Inbox.Channels.Inbound;

/// <summary>A place a customer shared.</summary>
public sealed record InboundLocation(double Latitude, double Longitude, string? Name, string? Address);
