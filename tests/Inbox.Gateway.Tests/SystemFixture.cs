using Inbox.Testing;

namespace Inbox.Gateway.Tests;

/// <summary>One running system shared by the tests of a class; each test makes its own visitor and conversation.</summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public InboxSystem System { get; private set; } = null!;

    public async ValueTask InitializeAsync() => System = await InboxSystem.StartAsync();

    public async ValueTask DisposeAsync() => await System.DisposeAsync();
}
