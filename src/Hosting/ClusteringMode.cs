namespace Inbox.Hosting;

/// <summary>How silos find each other and clients find silos.</summary>
public enum ClusteringMode
{
    /// <summary>One silo on this machine at fixed ports; no membership table.</summary>
    Localhost = 0,

    /// <summary>Membership in Azure Table storage (Azurite locally): silos join and leave freely.</summary>
    AzureTable = 1,
}
