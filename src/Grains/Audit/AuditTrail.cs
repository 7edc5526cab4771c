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
/// (so one thing's entries stay in one chain, in order). Returns once the entry is stored. The change it records is
/// already stored when this runs, so a passing storage or cluster hiccup is retried rather than failing the request
/// and leaving the change without its entry.
/// </summary>
public sealed class AuditTrail(IGrainFactory grains, TimeProvider time, IOptions<AuditOptions> options)
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
        var partition = AuditStore.Partition(organisationId, DateOnly.FromDateTime(at.UtcDateTime), Shard(subjectId));
        var log = grains.Get<IAuditLogGrain>(partition);
        await Retry.ExecuteAsync(async _ => await log.AppendAsync(record));
    }

    private int Shard(string subjectId) =>
        (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(subjectId)).AsSpan(0, 4)) % (uint)options.Value.Shards);
}
