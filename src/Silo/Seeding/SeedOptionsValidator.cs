using Microsoft.Extensions.Options;

namespace Inbox.Silo.Seeding;

/// <summary>Validates the seed configuration, list items included, at start.</summary>
[OptionsValidator]
public sealed partial class SeedOptionsValidator : IValidateOptions<SeedOptions>;
