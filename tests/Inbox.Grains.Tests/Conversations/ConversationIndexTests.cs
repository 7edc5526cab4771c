using Inbox.Contracts.Channels;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Keys;
using Inbox.Grains.Conversations;

namespace Inbox.Grains.Tests.Conversations;

/// <summary>The list's storage on its own: what the list writer hands it is stored, however many rows and whatever they are.</summary>
[Collection(GrainCluster.Name)]
public sealed class ConversationIndexTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task Rows_due_together_are_all_stored_across_several_batches_even_when_one_batch_fails()
    {
        var organisationId = GrainKeys.NewId("org");
        var index = new ConversationIndex(fixture.Tables, fixture.Inside);
        var count = ConversationIndex.MaxBatch * 2 + 7;
        var rows = Enumerable.Range(0, count).Select(i => Row(organisationId, i, $"first {i}")).ToList();
        Assert.Empty(await index.WriteAsync([.. rows.Select(r => (r, false))]));

        // Stored rows are replaced; one the caller wrongly believes stored fails its batch's transaction, and that batch
        // is stored row by row instead. The other batches are not affected.
        var changed = rows.Select(r => r with { LastMessagePreview = "second " + r.LastSequence, LastSequence = r.LastSequence + 1 }).ToList();
        var missing = Row(organisationId, count, "never stored before");
        var failed = await index.WriteAsync([.. changed.Select(r => (r, true)), (missing, true)]);
        Assert.Empty(failed);

        foreach (var expected in changed.Append(missing))
        {
            var stored = await index.GetAsync(organisationId, expected.ConversationId, TestContext.Current.CancellationToken);
            Assert.NotNull(stored);
            Assert.Equal(expected.LastMessagePreview, stored.LastMessagePreview);
            Assert.Equal(expected.LastSequence, stored.LastSequence);
        }
    }

    private static ConversationSummary Row(string organisationId, int i, string preview)
    {
        var at = DateTimeOffset.UtcNow.AddSeconds(i);
        return new ConversationSummary(
            organisationId, $"c_{i:D4}", "ch_web", Platform.WebChat, $"ct_{i}", $"Customer {i}", $"v_{i}", ConversationStatus.Open,
            null, i, preview, at, at);
    }
}
