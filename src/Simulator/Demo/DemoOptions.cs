namespace Inbox.Simulator.Demo;

/// <summary>The demo's customer traffic (<c>Simulator:Demo</c>), used by <c>./run.sh</c>.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Simulator:Demo";

    /// <summary>Whether to send customer traffic at all.</summary>
    public bool Enabled { get; set; }

    /// <summary>The inbox's address, where webhooks go (e.g. <c>http://127.0.0.1:5080/</c>).</summary>
    public Uri? InboxUrl { get; set; }

    /// <summary>This simulator's own address, for the CDN links Messenger puts in webhooks.</summary>
    public Uri? SelfUrl { get; set; }

    /// <summary>
    /// The silo's settings file whose <c>Inbox:Seed:Organisations[*]:Platforms</c> lists the demo channels and their
    /// fields: one place for what the inbox seeds and what the simulator signs with.
    /// </summary>
    public string? SeedFile { get; set; }

    /// <summary>Seconds between customer messages.</summary>
    public double IntervalSeconds { get; set; } = 12;
}
