using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;

namespace Inbox.Grains.Channels;

/// <summary>
/// Encrypts and decrypts channel credentials with ASP.NET Core Data Protection (authenticated encryption under the
/// shared key ring, which is itself encrypted at rest). The purpose string keeps these apart from session cookies.
/// </summary>
public sealed partial class ChannelSecrets(IDataProtectionProvider dataProtection)
{
    internal const int MaxFields = 16;
    internal const int MaxValueLength = 4096;

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Inbox.Channels.Credentials.v1");

    /// <summary>Checks the fields' shape; throws <see cref="ArgumentException"/> saying what is wrong.</summary>
    public static void Validate(IReadOnlyDictionary<string, string> credentials)
    {
        if (credentials.Count is 0 or > MaxFields)
        {
            throw new ArgumentException($"Give 1-{MaxFields} credential fields.", nameof(credentials));
        }

        foreach (var (name, value) in credentials)
        {
            if (!FieldName().IsMatch(name))
            {
                throw new ArgumentException($"'{name}' is not a credential field name (a letter, then up to 63 letters, digits or '_').", nameof(credentials));
            }

            if (string.IsNullOrEmpty(value) || value.Length > MaxValueLength)
            {
                throw new ArgumentException($"The credential field '{name}' needs a value of 1-{MaxValueLength} characters.", nameof(credentials));
            }
        }
    }

    /// <summary>The credentials as ciphertext.</summary>
    public string Protect(IReadOnlyDictionary<string, string> credentials) => _protector.Protect(JsonSerializer.Serialize(credentials));

    /// <summary>The credentials back from ciphertext.</summary>
    public IReadOnlyDictionary<string, string> Unprotect(string protectedCredentials) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(_protector.Unprotect(protectedCredentials))!;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex FieldName();
}
