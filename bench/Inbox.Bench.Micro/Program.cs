using BenchmarkDotNet.Running;

namespace Inbox.Bench.Micro;

/// <summary>
/// Micro-benchmarks of the inbound hot paths (webhook signature checks, payload parsing, event serialization), beside
/// the end-to-end harness in <c>bench/Inbox.Bench</c>. Every argument goes to BenchmarkDotNet; a quick run of them all:
/// <c>dotnet run -c Release --project bench/Inbox.Bench.Micro -- --filter '*' --job short</c>.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
