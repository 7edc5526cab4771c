namespace Inbox.Contracts.Conversations;

/// <summary>
/// The one writer of an organisation's conversation list rows. Key: the organisation id. It holds each changed row
/// in memory until it stores it (a while later, carrying every change in between), and list reads lay these unwritten
/// rows over the stored ones, so the list is current while storage pays far fewer than one row write per message.
/// For grains only: no caller from outside the cluster may call it.
/// </summary>
[Alias("inbox.IConversationListWriterGrain")]
public interface IConversationListWriterGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes the conversation's current row, to be stored later; completes once list reads show it.
    /// <paramref name="stored"/>: the caller knows a row of this conversation is stored already.
    /// </summary>
    [Alias("Write")]
    Task WriteAsync(ConversationSummary summary, bool stored);

    /// <summary>The rows taken and not yet stored: newer than what storage holds for their conversations.</summary>
    [Alias("Unwritten"), Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<ConversationSummary>> UnwrittenAsync();

    /// <summary>The conversation's row: the unwritten one if any, else the stored one, else null.</summary>
    [Alias("Get"), Orleans.Concurrency.ReadOnly]
    Task<ConversationSummary?> GetAsync(string conversationId);
}
