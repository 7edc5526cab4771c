using System.Collections.Concurrent;
using Inbox.Contracts.Grains;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Inbox.Contracts.Audit;
using Inbox.Contracts.Security;
using Inbox.Contracts.Serialization;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Inbox.Grains.Audit;

/// <summary>
/// How grains record what they changed: the actor and their address come from the call's <see cref="Caller"/>, the
/// time from the silo's clock; the entry goes to the partition of the organisation's day and the subject's shard
/// (so one thing's entries stay in one chain, in order). The day's shard count is the one its first entry fixed
/// (<see cref="AuditStore.FixShardsAsync"/>), so a changed setting applies from the next day and readers always know
/// the count. Returns once the entry is stored. The change it records is already stored when this runs, so a passing
/// storage or cluster hiccup is retried rather than failing the request and leaving the change without its entry.
/// </summary>
public sealed class AuditTrail(IGrainFactory grains, TimeProvider time, IOptions<AuditOptions> options, AuditStore store)
{
    private static readonly JsonSerializerOptions Json = InboxJson.CreateOptions();

    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 4,
            Delay = TimeSpan.FromMilliseconds(100),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not (ArgumentException or OperationCanceledException)),
        })
        .Build();

    // The organisation-days this silo wrote lately, each with its shard count (or the write fixing it): one storage
    // request per organisation and day, not per entry.
    private readonly ConcurrentDictionary<(string OrganisationId, DateOnly Day), Task<int>> _shards = new();
    private DateOnly _newestDay;

    /// <summary>
    /// Records <paramref name="action"/> on a subject, with its state before and after (serialised as the API shows
    /// it). The actor is the call's caller unless <paramref name="actor"/> says otherwise (a sign-in is the user's own
    /// act, though the gateway makes the call).
    /// </summary>
    public async Task RecordAsync(
        string organisationId, string action, string subjectType, string subjectId, object? before = null, object? after = null, Caller? actor = null)
    {
        var caller = actor ?? CallerContext.Current;
        var now = time.GetUtcNow();

        // Whole milliseconds: what every table store keeps exactly, so the hash recomputes from the stored row.
        var at = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var record = new AuditRecord(
            at,
            caller?.Kind,
            caller?.Id ?? "system",
            caller?.Name ?? "System",
            caller?.From,
            action,
            subjectType,
            subjectId,
            before is null ? null : JsonSerializer.Serialize(before, Json),
            after is null ? null : JsonSerializer.Serialize(after, Json));
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        await Retry.ExecuteAsync(async _ =>
        {
            var partition = AuditStore.Partition(organisationId, day, Shard(subjectId, await ShardsAsync(organisationId, day)));
            await grains.Get<IAuditLogGrain>(partition).AppendAsync(record);
        });
    }

    private async Task<int> ShardsAsync(string organisationId, DateOnly day)
    {
        if (day > _newestDay)
        {
            // Entries are stamped now, so only today (and yesterday, around midnight) are still written.
            _newestDay = day;
            foreach (var old in _shards.Keys.Where(k => k.Day < day.AddDays(-1)))
            {
                _shards.TryRemove(old, out _);
            }
        }

        var key = (organisationId, day);
        var shards = _shards.GetOrAdd(key, k => store.FixShardsAsync(k.OrganisationId, k.Day, options.Value.Shards));
        try
        {
            return await shards;
        }
        catch
        {
            // Not remembered: the next entry (or this one's retry) asks storage again.
            _shards.TryRemove(new KeyValuePair<(string, DateOnly), Task<int>>(key, shards));
            throw;
        }
    }

    private static int Shard(string subjectId, int shards) =>
        (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(subjectId)).AsSpan(0, 4)) % (uint)shards);
}
