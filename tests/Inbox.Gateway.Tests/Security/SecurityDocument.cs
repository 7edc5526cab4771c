using Inbox.Testing;

namespace Inbox.Gateway.Tests.Security;

/// <summary>The endpoint permission table of docs/security.md, read as the test's expectations.</summary>
internal static class SecurityDocument
{
    /// <summary>The callers, in the table's column order.</summary>
    public static readonly string[] Callers = ["anonymous", "visitor", "agent", "supervisor", "admin", "deactivated", "other organisation"];

    /// <summary>Every row: the endpoint (e.g. <c>GET /api/v1/users/{userId}</c>) and the expected answer per caller.</summary>
    public static IReadOnlyList<(string Endpoint, IReadOnlyDictionary<string, string> Expected)> Rows()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "security.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith("| endpoint | anonymous |", StringComparison.Ordinal));
        Assert.True(start >= 0, "docs/security.md has no endpoint permission table.");
        var header = Cells(lines[start]);
        Assert.Equal(["endpoint", .. Callers], header);

        var rows = new List<(string, IReadOnlyDictionary<string, string>)>();
        foreach (var line in lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = Cells(line);
            var expected = new Dictionary<string, string>();
            for (var i = 0; i < Callers.Length; i++)
            {
                // "200 (own organisation's)" -> "200": the words say what the number means.
                expected[Callers[i]] = cells[i + 1].Split(' ')[0];
            }

            rows.Add((cells[0].Trim('`'), expected));
        }

        return rows;
    }

    private static string[] Cells(string line) => [.. line.Trim().Trim('|').Split('|').Select(c => c.Trim())];
}
