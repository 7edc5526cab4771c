using System.Globalization;

namespace Inbox.Grains.Audit;

/// <summary>
/// Where a page of the audit log ended: the day, and per shard the sequence read down to (null: not started, -1:
/// exhausted). Text form <c>yyyyMMdd:s0,s1,…</c>; opaque to clients.
/// </summary>
internal static class AuditCursor
{
    public const long Exhausted = -1;

    public static long?[] Top(int shards) => new long?[shards];

    public static string Format(DateOnly day, long?[] positions) =>
        day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + ":" + string.Join(',', positions.Select(p => p?.ToString(CultureInfo.InvariantCulture) ?? ""));

    /// <summary>The day and positions a cursor stands for; the start (<paramref name="to"/>, nothing read) without one.</summary>
    public static (DateOnly Day, long?[] Positions) Parse(string? cursor, DateOnly to, int shards)
    {
        if (cursor is null)
        {
            return (to, Top(shards));
        }

        var parts = cursor.Split(':');
        if (parts.Length != 2 || !DateOnly.TryParseExact(parts[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new ArgumentException("The cursor is not one this API gave out.", nameof(cursor));
        }

        var positions = Top(shards);
        var given = parts[1].Split(',');
        for (var i = 0; i < Math.Min(shards, given.Length); i++)
        {
            if (given[i].Length == 0)
            {
                continue;
            }

            positions[i] = long.TryParse(given[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var position) && position >= Exhausted
                ? position
                : throw new ArgumentException("The cursor is not one this API gave out.", nameof(cursor));
        }

        return (day < to ? day : to, positions);
    }
}
