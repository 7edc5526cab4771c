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
