namespace Inbox.Grains.Channels;

/// <summary>
/// The clock the platforms' limits run on: send pacing, retry-after holds and backoffs. Always the wall clock, also in
/// grain tests whose grains read a fake one, because the platform (or its simulator) counts in real seconds.
/// </summary>
/// <param name="Time">The clock.</param>
public sealed record PlatformClock(TimeProvider Time);
