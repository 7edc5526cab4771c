using System.IO.Hashing;
using System.Text;
using Inbox.Contracts.Messages;

namespace Inbox.Grains.Conversations;

/// <summary>
/// The external ids (a platform's message id, a client's idempotency id) of the messages a conversation stored lately,
/// each with its sequence: how a redelivery is recognised without a marker row per message in storage. The window is
/// as long as the longest platform retries (Meta: up to 7 days) and at most <see cref="Capacity"/> messages long; the
/// conversation fills it from its own log when it activates, so the log stays the only truth.
/// </summary>
/// <remarks>
/// Ids are kept as 64-bit hashes (a few bytes a message, not the id's string): a match is a candidate, and the caller
/// compares the stored message's id before calling anything a redelivery.
/// </remarks>
internal sealed class RedeliveryWindow
{
    /// <summary>The most messages the window remembers.</summary>
    public const int Capacity = 2_000;

    /// <summary>How long a platform may redeliver: Meta retries for up to 7 days; a day's margin on top.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(8);

    private readonly Dictionary<ulong, long> _sequences = [];
    private readonly Queue<(ulong Key, long Sequence, DateTimeOffset At)> _order = new();

    public int Count => _order.Count;

    /// <summary>Remembers a stored message's external id; messages come in sequence order.</summary>
    public void Add(MessageKind kind, string externalId, long sequence, DateTimeOffset at)
    {
        var key = Key(kind, externalId);
        _sequences[key] = sequence;
        _order.Enqueue((key, sequence, at));
        while (_order.Count > Capacity)
        {
            Forget(_order.Dequeue());
        }
    }

    /// <summary>The sequence of a message stored within the window under this id (a candidate to confirm), or null.</summary>
    public long? Find(MessageKind kind, string externalId, DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && now - oldest.At > Lifetime)
        {
            Forget(_order.Dequeue());
        }

        return _sequences.TryGetValue(Key(kind, externalId), out var sequence) ? sequence : null;
    }

    // A later message under the same hash keeps its own entry.
    private void Forget((ulong Key, long Sequence, DateTimeOffset At) entry)
    {
        if (_sequences.TryGetValue(entry.Key, out var sequence) && sequence == entry.Sequence)
        {
            _sequences.Remove(entry.Key);
        }
    }

    // Incoming and outgoing ids come from different senders (a platform, an agent's client), so each kind is its own namespace.
    private static ulong Key(MessageKind kind, string externalId) => XxHash3.HashToUInt64(Encoding.UTF8.GetBytes($"{kind}:{externalId}"));
}
