using System.Collections.Concurrent;
using System.Reflection;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Security;
using Microsoft.Extensions.Logging;

namespace Inbox.Grains.Security;

/// <summary>
/// The silo's half of authorization: every call that enters the cluster from a client (a gateway) must carry a
/// <see cref="Caller"/> with a permission the method's <see cref="RequiresAttribute"/> names, and may only reach grains
/// of the caller's own organisation. Methods without the attribute are for grains only. Calls between grains are
/// trusted: the edge has been checked, and they carry the original caller on for the grains' own rules.
/// </summary>
public sealed partial class CallerAuthorizationFilter(ILogger<CallerAuthorizationFilter> logger) : IIncomingGrainCallFilter
{
    private const string HostedClientPrefix = "hosted-";
    private static readonly Assembly ContractsAssembly = typeof(Caller).Assembly;
    private static readonly ConcurrentDictionary<MethodInfo, RequiresAttribute?> Requirements = new();

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod is { } method && method.DeclaringType?.Assembly == ContractsAssembly && FromOutside(context))
        {
            Authorise(context, method);
        }

        return context.Invoke();
    }

    private void Authorise(IIncomingGrainCallContext context, MethodInfo method)
    {
        var target = context.TargetId.Key.ToString();
        var requires = Requirements.GetOrAdd(method, m => m.GetCustomAttribute<RequiresAttribute>());
        var caller = CallerContext.Current;
        string? refusal = null;
        if (requires is null)
        {
            refusal = "it may only be called from inside the cluster";
        }
        else if (caller is null)
        {
            refusal = "the call carries no caller";
        }
        else if (!requires.AnyOf.Any(caller.Has))
        {
            refusal = $"the caller lacks {string.Join(" or ", requires.AnyOf)}";
        }
        else if (caller.OrganisationId is { } organisationId && !BelongsTo(target, organisationId))
        {
            refusal = "the grain belongs to another organisation";
        }

        if (refusal is not null)
        {
            LogRefused(context.InterfaceName, context.MethodName, target, caller?.Kind, caller?.Id, refusal);
            throw new AccessDeniedException($"{context.InterfaceName}.{context.MethodName} refused: {refusal}.");
        }
    }

    // Every organisation-owned grain key is the organisation id or starts with it (see GrainKeys).
    private static bool BelongsTo(string key, string organisationId) =>
        key == organisationId || key.StartsWith(organisationId + GrainKeys.Separator, StringComparison.Ordinal);

    // Grains and system targets are inside. So is a silo's own hosted client (what silo start-up code such as demo
    // seeding calls through), whose id Orleans makes "hosted-{silo address}"; an external client's id is random.
    private static bool FromOutside(IIncomingGrainCallContext context) =>
        context.SourceId is not { } source
        || (source.Type.IsClient() && !source.Key.ToString()!.StartsWith(HostedClientPrefix, StringComparison.Ordinal));

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Refused {Interface}.{Method} on {Target} for {CallerKind} {CallerId}: {Reason}")]
    private partial void LogRefused(string @interface, string method, string target, CallerKind? callerKind, string? callerId, string reason);
}
