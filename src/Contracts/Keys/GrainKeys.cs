using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Inbox.Contracts.Keys;

/// <summary>
/// Builds and checks the string keys of tenant-owned grains and table rows. Every key starts with the
/// organisation id, so a key alone says which organisation owns the thing it names.
/// </summary>
public static partial class GrainKeys
{
    /// <summary>The separator between the parts of a composite key. Azure Table keys forbid '/', so ':' is used everywhere.</summary>
    public const char Separator = ':';

    /// <summary>Joins an organisation id and further id parts into one key, e.g. <c>demo:cv_0193…</c>.</summary>
    public static string Compose(string organisationId, params ReadOnlySpan<string> parts)
    {
        EnsureValid(organisationId, nameof(organisationId));
        var key = organisationId;
        foreach (var part in parts)
        {
            EnsureValid(part, nameof(parts));
            key = string.Concat(key, Separator.ToString(), part);
        }

        return key;
    }

    /// <summary>Splits a composite key into exactly <paramref name="count"/> parts, or throws when it has another shape.</summary>
    public static string[] Split(string key, int count)
    {
        var parts = key.Split(Separator);
        if (parts.Length != count || !parts.All(IsValidId))
        {
            throw new ArgumentException($"'{key}' is not a key of {count} parts.", nameof(key));
        }

        return parts;
    }

    /// <summary>True when <paramref name="id"/> is usable as one part of a key: 1–64 letters, digits, '-' or '_'.</summary>
    public static bool IsValidId([NotNullWhen(true)] string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>A new unique, time-ordered id with a short prefix naming its kind, e.g. <c>cv_01936f…</c>.</summary>
    public static string NewId(string prefix) => string.Concat(prefix, "_", Guid.CreateVersion7().ToString("N"));

    private static void EnsureValid(string id, string name)
    {
        if (!IsValidId(id))
        {
            throw new ArgumentException($"'{id}' is not a valid id (1-64 letters, digits, '-' or '_').", name);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
