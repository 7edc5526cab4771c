using System.ComponentModel.DataAnnotations;

namespace Inbox.Hosting;

/// <summary>
/// The cluster settings shared by silos and gateways. Read before the host is built (Orleans is configured then),
/// so they are validated by <see cref="InboxConfiguration.Read{T}"/> rather than by ValidateOnStart.
/// </summary>
public sealed class InboxClusterOptions
{
    public const string SectionName = "Inbox:Cluster";

    /// <summary>Localhost or AzureTable clustering.</summary>
    public ClusteringMode Mode { get; set; } = ClusteringMode.AzureTable;

    /// <summary>The cluster's id; silos and gateways of one deployment share it.</summary>
    [Required, RegularExpression("^[a-z0-9-]{1,40}$")]
    public string ClusterId { get; set; } = "inbox";

    /// <summary>The service's id; part of every grain-state key, so it must never change for stored data.</summary>
    [Required, RegularExpression("^[a-z0-9-]{1,40}$")]
    public string ServiceId { get; set; } = "inbox";

    /// <summary>The silo-to-silo port.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port clients (gateways) connect to.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address a silo advertises to others (a pod IP in Kubernetes; loopback on one machine).</summary>
    [Required]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";
}
