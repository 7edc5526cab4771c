using System.Globalization;
using Inbox.Contracts.Audit;

namespace Inbox.Gateway.Audit;

/// <summary>
/// Audit entries as CSV (RFC 4180 quoting). A cell that a spreadsheet would run as a formula (starting with =, +, -,
/// @, tab or carriage return) gets a leading apostrophe, so an exported name or JSON value can never execute.
/// </summary>
public static class AuditCsv
{
    public const string Header = "at,actor_kind,actor_id,actor_name,from,action,subject_type,subject_id,before,after,partition,sequence,hash";

    public static string Row(AuditEntry entry)
    {
        var r = entry.Record;
        return string.Join(',', new[]
        {
            r.At.ToString("O", CultureInfo.InvariantCulture),
            r.ActorKind?.ToString().ToLowerInvariant(),
            r.ActorId,
            r.ActorName,
            r.From,
            r.Action,
            r.SubjectType,
            r.SubjectId,
            r.Before,
            r.After,
            entry.Partition,
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.Hash,
        }.Select(Cell));
    }

    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
