using Inbox.Contracts.Messages;
using Inbox.Grains.Conversations;

namespace Inbox.Grains.Tests.Conversations;

public sealed class RedeliveryWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_id_is_found_with_its_sequence_and_only_for_its_own_kind()
    {
        var window = new RedeliveryWindow();
        window.Add(MessageKind.Incoming, "wamid-1", 7, Start);

        Assert.Equal(7, window.Find(MessageKind.Incoming, "wamid-1", Start.AddDays(7)));
        Assert.Null(window.Find(MessageKind.Outgoing, "wamid-1", Start));
        Assert.Null(window.Find(MessageKind.Incoming, "wamid-2", Start));
    }

    [Fact]
    public void An_id_older_than_the_platforms_retry_period_is_forgotten()
    {
        var window = new RedeliveryWindow();
        window.Add(MessageKind.Incoming, "old", 1, Start);
        window.Add(MessageKind.Incoming, "new", 2, Start.AddDays(2));

        var now = Start + RedeliveryWindow.Lifetime + TimeSpan.FromSeconds(1);
        Assert.Null(window.Find(MessageKind.Incoming, "old", now));
        Assert.Equal(2, window.Find(MessageKind.Incoming, "new", now));
        Assert.Equal(1, window.Count);
    }

    [Fact]
    public void Past_its_capacity_the_window_forgets_the_oldest_ids_first()
    {
        var window = new RedeliveryWindow();
        for (var sequence = 1; sequence <= RedeliveryWindow.Capacity + 10; sequence++)
        {
            window.Add(MessageKind.Incoming, $"id-{sequence}", sequence, Start);
        }

        Assert.Equal(RedeliveryWindow.Capacity, window.Count);
        Assert.Null(window.Find(MessageKind.Incoming, "id-10", Start));
        Assert.Equal(11, window.Find(MessageKind.Incoming, "id-11", Start));
        Assert.Equal(RedeliveryWindow.Capacity + 10, window.Find(MessageKind.Incoming, $"id-{RedeliveryWindow.Capacity + 10}", Start));
    }

    [Fact]
    public void Forgetting_an_old_entry_keeps_a_newer_message_under_the_same_id()
    {
        // The same id stored twice (after the first left the retry period) keeps pointing at the newer message.
        var window = new RedeliveryWindow();
        window.Add(MessageKind.Incoming, "reused", 1, Start);
        window.Add(MessageKind.Incoming, "reused", 5, Start.AddDays(8.5));

        Assert.Equal(5, window.Find(MessageKind.Incoming, "reused", Start.AddDays(9)));
    }
}
