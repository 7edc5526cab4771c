using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Inbox.Contracts.Audit;

namespace Inbox.Grains.Audit;

/// <summary>
/// The one definition of an entry's hash: SHA-256 over its partition, sequence, every field of the record and the
/// previous entry's hash, each field length-prefixed so no two different entries encode alike.
/// </summary>
internal static class AuditChain
{
    public static string Hash(string partition, long sequence, AuditRecord record, string previousHash)
    {
        var text = new StringBuilder();
        foreach (var field in (string?[])[
            partition,
            sequence.ToString(CultureInfo.InvariantCulture),
            record.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            record.ActorKind?.ToString(),
            record.ActorId,
            record.ActorName,
            record.From,
            record.Action,
            record.SubjectType,
            record.SubjectId,
            record.Before,
            record.After,
            previousHash])
        {
            // Null and empty differ: -1 marks a null.
            text.Append(field is null ? "-1" : field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
