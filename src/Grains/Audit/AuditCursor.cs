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

    /// <summary>
    /// The day a cursor stands for and its positions, one per shard of that day (<paramref name="shardsOf"/>); the start
    /// (<paramref name="to"/>, nothing read) without one.
    /// </summary>
    public static async Task<(DateOnly Day, long?[] Positions)> ParseAsync(string? cursor, DateOnly to, Func<DateOnly, Task<int>> shardsOf)
    {
        if (cursor is null)
        {
            return (to, Top(await shardsOf(to)));
        }

        var parts = cursor.Split(':');
        if (parts.Length != 2 || !DateOnly.TryParseExact(parts[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new ArgumentException("The cursor is not one this API gave out.", nameof(cursor));
        }

        day = day < to ? day : to;
        var positions = Top(await shardsOf(day));
        var given = parts[1].Split(',');
        for (var i = 0; i < Math.Min(positions.Length, given.Length); i++)
        {
            if (given[i].Length == 0)
            {
                continue;
            }

            positions[i] = long.TryParse(given[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var position) && position >= Exhausted
                ? position
                : throw new ArgumentException("The cursor is not one this API gave out.", nameof(cursor));
        }

        return (day, positions);
    }
}
