using Microsoft.Extensions.Options;

namespace Inbox.Hosting;

/// <summary>Validates <see cref="RoutingOptions"/> at start.</summary>
[OptionsValidator]
public sealed partial class RoutingOptionsValidator : IValidateOptions<RoutingOptions>;
