using System.ComponentModel.DataAnnotations;

namespace Inbox.Hosting;

/// <summary>How agents' presence follows their connections (<c>Inbox:Routing</c>).</summary>
public sealed class RoutingOptions
{
    public const string SectionName = "Inbox:Routing";

    /// <summary>An agent whose every connection dropped stays as they were this long, then goes offline.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan OfflineGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A connection no gateway has reported for this long is gone (gateways report every <see cref="HeartbeatInterval"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ConnectionTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>How often gateways report their agents' open connections.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the router checks long waits, agents it has not heard from, and retries.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wallboard is pushed at most this often.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:10")]
    public TimeSpan WallboardInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// A snooze ends at its time; if the silo holding it went down, it ends at most this late (the reminder's period;
    /// Orleans allows a minute at the least unless its <c>ReminderOptions.MinimumReminderPeriod</c> is lowered).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SnoozeRecheck { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the router re-reads the conversation list, so a change it missed is found.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(2);
}
