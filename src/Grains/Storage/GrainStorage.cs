namespace Inbox.Grains.Storage;

/// <summary>The name of the Orleans grain storage provider all Inbox grains persist to (Azure Table storage).</summary>
public static class GrainStorage
{
    public const string Name = "inbox";
}
