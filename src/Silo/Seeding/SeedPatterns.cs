namespace Inbox.Silo.Seeding;

/// <summary>The shapes seeded ids must have (those of <see cref="Contracts.Keys.GrainKeys"/>).</summary>
internal static class SeedPatterns
{
    public const string Id = "^[A-Za-z0-9_-]{1,64}$";
}
