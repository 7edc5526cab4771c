using Inbox.Simulator.Platforms;

namespace Inbox.Simulator.Control;

/// <summary>The request body of <c>POST /simulator/faults</c>: the next <paramref name="Times"/> sends on <paramref name="Platform"/> answer <paramref name="Fault"/>.</summary>
/// <param name="Platform">The platform's wire name.</param>
/// <param name="Fault">The error to answer with (snake case on the wire: <c>token_expired</c>, <c>rate_limited</c>, …).</param>
/// <param name="Times">How many sends in a row.</param>
public sealed record FaultRequest(string Platform, Fault Fault, int Times = 1);
