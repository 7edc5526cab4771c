using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Inbox.Bench;

/// <summary>One measured figure.</summary>
internal sealed record Figure(string Name, double Value, string Unit)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} {Value:0.##} {Unit}");
}

/// <summary>One row of the table: the inbox's figures beside the limits measured in the same run, and the target.</summary>
internal sealed record Row(string What, IReadOnlyList<Figure> Ours, IReadOnlyList<Figure> Limits, string Target, bool? Met);

/// <summary>A whole run.</summary>
internal sealed record BenchReport(DateTimeOffset At, string Machine, string Command, double SecondsPerPhase, long MessagesSent, long MessagesLost, IReadOnlyList<Row> Rows)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes <c>{directory}/{date}.json</c> and returns its path.</summary>
    public string WriteJson(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, At.UtcDateTime.ToString("yyyy-MM-dd'T'HHmm'Z'", CultureInfo.InvariantCulture) + ".json");
        File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
        return path;
    }

    /// <summary>The Markdown table, with the run's facts above it.</summary>
    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run {At:yyyy-MM-dd HH:mm} UTC on {Machine}; `{Command}`; {SecondsPerPhase:0} s per phase; {MessagesSent} messages sent, {MessagesLost} lost.");
        text.AppendLine();
        text.AppendLine("| what | our figure | the limit measured in the same run | target | met |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var row in Rows)
        {
            var met = row.Met switch { true => "yes", false => "**no**", null => "—" };
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.What} | {string.Join("; ", row.Ours)} | {string.Join("; ", row.Limits)} | {row.Target} | {met} |");
        }

        return text.ToString();
    }

    /// <summary>Replaces the text between the <c>bench:start</c> and <c>bench:end</c> markers of <paramref name="document"/>.</summary>
    public void WriteInto(string document)
    {
        const string Start = "<!-- bench:start -->";
        const string End = "<!-- bench:end -->";
        var text = File.ReadAllText(document);
        var from = text.IndexOf(Start, StringComparison.Ordinal);
        var to = text.IndexOf(End, StringComparison.Ordinal);
        if (from < 0 || to < from)
        {
            throw new InvalidOperationException($"{document} has no {Start} … {End} section.");
        }

        File.WriteAllText(document, string.Concat(text.AsSpan(0, from + Start.Length), "\n", Markdown(), text.AsSpan(to)));
    }
}
