using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Inbox.Contracts.Audit;
using Inbox.Contracts.Security;

namespace Inbox.Grains.Audit;

/// <summary>
/// How entries become table entities and back. A block is one entity holding up to 100 consecutive entries: RowKey
/// <see cref="AuditStore.RowKey"/> of its first sequence, <c>First</c> and <c>Last</c>, and each entry as one JSON
/// string property <c>E000</c>, <c>E001</c>, … (an entry longer than a property may hold goes on in <c>E000_1</c>,
/// <c>E000_2</c>, …). An append adds its entries to the partition's newest block while it has room (a merge of the new
/// properties only) and starts the next block when it is full, so a partition holds about one row per 100 entries
/// however the appends arrive. Rows written before blocks hold one entry in named properties (<c>Sequence</c>,
/// <c>At</c>, <c>ActorKind</c>, …) and read as a block of one.
/// </summary>
/// <remarks>
/// Why rows matter: the storage emulator's cost is per entity, even inside a transaction, and its insert first scans
/// the partition's rows for the key, so a partition that gained a row per append (each about 2 entries at half load)
/// made every audit append dearer as the day went on.
/// Two writers of a partition (a stale activation after a silo failure) cannot fork its chain: every append is
/// conditional on the newest block's ETag (<see cref="AuditNewestBlock"/>); extending the block changes it, and
/// starting the next block closes the previous one in the same transaction, which changes it too. A block keyed by its
/// first sequence also still collides (409) with another writer's block starting there, which is all that guards the
/// block after a row written before blocks (those are never changed).
/// </remarks>
internal static class AuditBlock
{
    /// <summary>The most a block may measure: the table allows 1 MiB per entity; the rest is room for keys and bookkeeping.</summary>
    public const int MaxBytes = 900_000;

    /// <summary>The most entries one block holds (one transaction's worth): property names <c>E000</c> to <c>E099</c>.</summary>
    public const int MaxEntries = 100;

    // A string property holds at most 64 KiB of UTF-16, 32,768 characters.
    private const int MaxPartChars = 32_000;

    // An entity has at most 252 properties besides PartitionKey, RowKey and Timestamp; First and Last are two of them.
    private const int MaxParts = 250;

    // What the table charges per property beyond its value (Azure's entity size formula), with the longest name a
    // part can have ("E099_99"), and for a block's keys, First and Last.
    private const int PartOverheadBytes = 8 + (2 * 7) + 4;
    private const string First = "First";
    private const string Last = "Last";
    private const string LegacySequence = "Sequence";

    // The default encoder writes ASCII only (it escapes everything else as \uXXXX), so a request carries no more bytes
    // of an entry than the stored entity (2 per UTF-16 character): measuring a transaction by stored size keeps it
    // under the 4 MiB request limit too. The strict reading options make a field that is missing or null where the
    // format has none an unreadable entry rather than a record with a hole.
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static readonly string PlaceholderHash = new('0', 64);

    /// <summary>
    /// At least what <paramref name="record"/> will add to a block's size once it has a sequence and hashes, so the log
    /// can tell before hashing whether a record fits at all and how many go in one transaction.
    /// </summary>
    public static int Measure(string partition, AuditRecord record) =>
        EntryBytes(Encode(new AuditStoredEntry(partition, AuditStore.MaxSequence, record, PlaceholderHash, PlaceholderHash)).Length);

    /// <summary>
    /// Consecutive entries packed after <paramref name="newest"/>: those that fit into it while it is open, as the
    /// properties to merge into it (<c>Extension</c>), and the rest as new blocks, each as large as the table allows.
    /// </summary>
    public static (TableEntity? Extension, List<TableEntity> Blocks, AuditBlockFill LastFill) Pack(
        string partition, IReadOnlyList<AuditStoredEntry> entries, AuditNewestBlock? newest)
    {
        var blocks = new List<TableEntity>();
        TableEntity? extension = null;
        TableEntity? block = null;
        var (count, bytes, parts) = (0, 0, 0);
        var extended = false;
        if (newest is { Open: true })
        {
            block = extension = new TableEntity(partition, AuditStore.RowKey(newest.First));
            (count, bytes, parts) = (newest.Fill.Entries, newest.Fill.Bytes, newest.Fill.Parts);
        }

        foreach (var entry in entries)
        {
            var json = Encode(entry);
            var entryParts = Parts(json.Length);
            var entryBytes = EntryBytes(json.Length);
            if (block is null || count == MaxEntries || bytes + entryBytes > MaxBytes || parts + entryParts > MaxParts)
            {
                block = new TableEntity(partition, AuditStore.RowKey(entry.Sequence)) { [First] = entry.Sequence };
                blocks.Add(block);
                (count, bytes, parts) = (0, KeyBytes(partition), 0);
            }

            extended |= block == extension;
            var name = EntryName(count);
            for (var part = 0; part < entryParts; part++)
            {
                var start = part * MaxPartChars;
                block[part == 0 ? name : PartName(name, part)] = json.Substring(start, Math.Min(MaxPartChars, json.Length - start));
            }

            block[Last] = entry.Sequence;
            (count, bytes, parts) = (count + 1, bytes + entryBytes, parts + entryParts);
        }

        return (extended ? extension : null, blocks, new AuditBlockFill(count, bytes, parts));
    }

    /// <summary>The sequence a packed block starts at.</summary>
    public static long FirstOf(TableEntity block) => block.GetInt64(First) ?? throw new ArgumentException("Not a block.", nameof(block));

    /// <summary>What closes <paramref name="newest"/> when the next block starts: a merge that changes nothing but its ETag.</summary>
    public static TableEntity Close(string partition, AuditNewestBlock newest) =>
        new(partition, AuditStore.RowKey(newest.First)) { [Last] = newest.Last };

    /// <summary>What a row read from the table says about it as a partition's newest.</summary>
    public static AuditNewestBlock Describe(TableEntity row)
    {
        if (!row.ContainsKey(First))
        {
            var sequence = row.GetInt64(LegacySequence) ?? 0;
            return new AuditNewestBlock(sequence, sequence, new AuditBlockFill(1, 0, 0), row.ETag, Legacy: true);
        }

        var (count, bytes, parts) = (0, KeyBytes(row.PartitionKey), 0);
        foreach (var json in EntryTexts(row))
        {
            (count, bytes, parts) = (count + 1, bytes + EntryBytes(json.Length), parts + Parts(json.Length));
        }

        return new AuditNewestBlock(row.GetInt64(First) ?? 0, row.GetInt64(Last) ?? 0, new AuditBlockFill(count, bytes, parts), row.ETag, Legacy: false);
    }

    /// <summary>
    /// The entries a row holds, oldest first. An entry that cannot be read (its stored text was edited into something
    /// else) is left out, so verification reports it missing rather than failing.
    /// </summary>
    public static List<AuditStoredEntry> Read(TableEntity row)
    {
        if (!row.ContainsKey(First))
        {
            return row.ContainsKey(LegacySequence) ? [ReadLegacy(row)] : [];
        }

        var entries = new List<AuditStoredEntry>();
        foreach (var json in EntryTexts(row))
        {
            if (Decode(row.PartitionKey, json) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    // Each entry's stored text, its parts joined, oldest first.
    private static IEnumerable<string> EntryTexts(TableEntity row)
    {
        for (var i = 0; Text(row, EntryName(i)) is { } first; i++)
        {
            var json = new StringBuilder(first);
            for (var part = 1; Text(row, PartName(EntryName(i), part)) is { } next; part++)
            {
                json.Append(next);
            }

            yield return json.ToString();
        }
    }

    private static string Encode(AuditStoredEntry entry)
    {
        var record = entry.Record;
        return JsonSerializer.Serialize(
            new AuditEntryJson(
                entry.Sequence,
                record.At.ToUniversalTime(),
                record.ActorId,
                record.ActorName,
                record.Action,
                record.SubjectType,
                record.SubjectId,
                entry.PreviousHash,
                entry.Hash,
                record.ActorKind?.ToString(),
                record.From,
                record.Before,
                record.After),
            Json);
    }

    private static AuditStoredEntry? Decode(string partition, string json)
    {
        AuditEntryJson? stored;
        try
        {
            stored = JsonSerializer.Deserialize<AuditEntryJson>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }

        if (stored is null || !TryActorKind(stored.ActorKind, out var kind))
        {
            return null;
        }

        var record = new AuditRecord(
            stored.At, kind, stored.ActorId, stored.ActorName, stored.From, stored.Action, stored.SubjectType, stored.SubjectId, stored.Before, stored.After);
        return new AuditStoredEntry(partition, stored.Sequence, record, stored.PreviousHash, stored.Hash);
    }

    // A row the log wrote before blocks (one entry, a table property per field).
    private static AuditStoredEntry ReadLegacy(TableEntity row)
    {
        TryActorKind(Text(row, "ActorKind"), out var kind);
        var record = new AuditRecord(
            row.GetDateTimeOffset("At") ?? default,
            kind,
            Text(row, "ActorId") ?? "",
            Text(row, "ActorName") ?? "",
            Text(row, "FromAddress"),
            Text(row, "Action") ?? "",
            Text(row, "SubjectType") ?? "",
            Text(row, "SubjectId") ?? "",
            Text(row, "Before"),
            Text(row, "After"));
        return new AuditStoredEntry(row.PartitionKey, row.GetInt64(LegacySequence) ?? 0, record, Text(row, "PreviousHash") ?? "", Text(row, "Hash") ?? "");
    }

    // Null and empty both mean the system itself.
    private static bool TryActorKind(string? text, out CallerKind? kind)
    {
        kind = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var known = Enum.TryParse<CallerKind>(text, out var parsed);
        kind = known ? parsed : null;
        return known;
    }

    private static string? Text(TableEntity row, string name) => row.TryGetValue(name, out var value) ? value as string : null;

    private static string EntryName(int index) => "E" + index.ToString("D3", CultureInfo.InvariantCulture);

    private static string PartName(string entryName, int part) => entryName + "_" + part.ToString(CultureInfo.InvariantCulture);

    private static int Parts(int chars) => Math.Max(1, (chars + MaxPartChars - 1) / MaxPartChars);

    private static int EntryBytes(int chars) => (2 * chars) + (Parts(chars) * PartOverheadBytes);

    private static int KeyBytes(string partition) => 4 + (2 * (partition.Length + AuditStore.RowKey(0).Length)) + (2 * (8 + (2 * First.Length) + 8));
}
