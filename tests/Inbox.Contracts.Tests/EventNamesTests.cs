using Inbox.Contracts.Events;
using Inbox.Testing;

namespace Inbox.Contracts.Tests;

public sealed class EventNamesTests
{
    [Fact]
    public void Every_event_name_is_noun_dot_verb_and_unique()
    {
        Assert.All(EventNames.All, name => Assert.Matches("^[a-z]+\\.[a-z_]+$", name));
        Assert.Equal(EventNames.All.Count, EventNames.All.Distinct().Count());
    }

    [Fact]
    public void The_front_end_knows_every_event_name_the_server_sends()
    {
        var events = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Web", "src", "api", "events.ts"));
        Assert.All(EventNames.All, name => Assert.Contains($"'{name}'", events, StringComparison.Ordinal));
    }
}
