using System.ComponentModel.DataAnnotations;

namespace Inbox.Hosting;

/// <summary>Where the Azure Storage account is (Azurite locally and in tests).</summary>
public sealed class InboxStorageOptions
{
    public const string SectionName = "Inbox:Storage";

    /// <summary>An Azure Storage connection string with table, blob and queue endpoints.</summary>
    [Required]
    public string ConnectionString { get; set; } = "";
}
