using Microsoft.Extensions.Options;

namespace Inbox.Grains.Audit;

/// <summary>Validates <see cref="AuditOptions"/> at start.</summary>
[OptionsValidator]
public sealed partial class AuditOptionsValidator : IValidateOptions<AuditOptions>;
