namespace Inbox.Gateway.Realtime;

/// <summary>What the widget hub calls on a visitor's browser (wire names, so no Async suffix).</summary>
public interface IWidgetClient
{
    /// <summary>A message of the visitor's conversation: their own (from another tab) or an agent's reply.</summary>
    Task ReceiveMessage(WidgetMessage message);
}
