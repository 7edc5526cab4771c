namespace Inbox.Contracts.Security;

/// <summary>
/// On a grain interface method: a call from outside the cluster (a gateway) needs a caller with at least one of these
/// permissions. A method without this attribute can only be called by grains: the silo refuses it to every client.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class RequiresAttribute(params Permission[] anyOf) : Attribute
{
    /// <summary>The caller needs one of these.</summary>
    public IReadOnlyList<Permission> AnyOf { get; } = anyOf;
}
