using Inbox.Contracts.Conversations;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Inbox.Grains.Conversations;

/// <summary>
/// The one writer of an organisation's conversation list rows (see <see cref="IConversationListWriterGrain"/>). Every
/// change of a conversation's row (each message moves its preview, activity time and end) arrives here in memory, and
/// the row is stored <see cref="Hold"/> after its first unwritten change, carrying every change since: a conversation
/// that speaks every few seconds costs storage one row write per <see cref="Hold"/>, not one per message. List reads lay
/// the unwritten rows over the stored ones (<see cref="ConversationIndex"/>), so what the list shows does not wait for
/// storage. Rows due together go to <see cref="ConversationIndex"/>, which stores them as one batch.
/// </summary>
/// <remarks>
/// Reentrant, so conversations hand over rows while a write is in flight; every change of the grain's own fields
/// happens between awaits. A graceful deactivation (idle, shutdown) stores every row it holds. What a crash of its silo
/// loses is the stored copy of up to <see cref="Hold"/> of changes: the conversations themselves and their logs hold
/// the truth, and a conversation writes its row again with its next change or activation.
/// </remarks>
[Reentrant]
public sealed partial class ConversationListWriterGrain(ConversationIndex index, ILogger<ConversationListWriterGrain> logger)
    : Grain, IConversationListWriterGrain
{
    /// <summary>How long a changed row waits in memory for more changes before it is stored.</summary>
    internal static readonly TimeSpan Hold = TimeSpan.FromSeconds(5);

    // How often the rows are checked for being due: a row is stored at most this much later than Hold.
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<string, UnwrittenRow> _rows = new(StringComparer.Ordinal);
    private Task _writing = Task.CompletedTask;

    private string OrganisationId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(static (self, _) => self.WriteDueAsync(), this, new GrainTimerCreationOptions(Tick, Tick) { Interleave = true });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _writing;
        await WriteRowsAsync([.. _rows.Values]);
    }

    public Task WriteAsync(ConversationSummary summary, bool stored)
    {
        if (_rows.TryGetValue(summary.ConversationId, out var row))
        {
            row.Summary = summary;
        }
        else
        {
            _rows.Add(summary.ConversationId, new UnwrittenRow(summary, stored, Environment.TickCount64));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ConversationSummary>> UnwrittenAsync() =>
        Task.FromResult<IReadOnlyList<ConversationSummary>>([.. _rows.Values.Select(r => r.Summary)]);

    public async Task<ConversationSummary?> GetAsync(string conversationId) =>
        _rows.TryGetValue(conversationId, out var row) ? row.Summary : await index.GetAsync(OrganisationId, conversationId);

    private Task WriteDueAsync()
    {
        if (!_writing.IsCompleted)
        {
            return Task.CompletedTask;
        }

        var now = Environment.TickCount64;
        var due = _rows.Values.Where(r => now - r.Since >= (long)Hold.TotalMilliseconds).ToList();
        if (due.Count > 0)
        {
            _writing = WriteRowsAsync(due);
        }

        return Task.CompletedTask;
    }

    // The rows go to the index together, so it stores them as one batch.
    private async Task WriteRowsAsync(List<UnwrittenRow> rows)
    {
        var written = rows.ConvertAll(r => (r.Summary, r.Stored));
        var failed = (await index.WriteAsync(written)).ToDictionary(f => f.ConversationId, f => f.Error, StringComparer.Ordinal);
        foreach (var (row, (summary, _)) in rows.Zip(written))
        {
            if (failed.TryGetValue(summary.ConversationId, out var error))
            {
                LogWriteFailed(error, OrganisationId, summary.ConversationId);
            }
            else if (ReferenceEquals(row.Summary, summary))
            {
                _rows.Remove(summary.ConversationId);
                continue;
            }
            else
            {
                row.Stored = true;
            }

            // Changed while it was written, or not written: it waits again, for company and for storage to recover.
            row.Since = Environment.TickCount64;
        }
    }

    [LoggerMessage(EventId = 4305, Level = LogLevel.Warning, Message = "Storing the list row of conversation {Conversation} of organisation {Organisation} failed; it is tried again shortly")]
    private partial void LogWriteFailed(Exception exception, string organisation, string conversation);

    /// <summary>
    /// A row newer than the stored one (each change brings a new summary, so the one written can be told from a later
    /// one by reference). <see cref="Stored"/>: a row of the conversation is known to be stored.
    /// </summary>
    private sealed class UnwrittenRow(ConversationSummary summary, bool stored, long since)
    {
        public ConversationSummary Summary { get; set; } = summary;

        public bool Stored { get; set; } = stored;

        /// <summary>When (Environment.TickCount64) it began to wait.</summary>
        public long Since { get; set; } = since;
    }
}
