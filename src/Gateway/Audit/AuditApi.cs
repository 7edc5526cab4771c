using Inbox.Contracts.Grains;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inbox.Contracts.Audit;
using Inbox.Contracts.Security;
using Inbox.Gateway.Infrastructure;
using Inbox.Gateway.Security;
using Inbox.Gateway.Session;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Inbox.Gateway.Audit;

/// <summary>
/// <c>/api/v1/audit</c>: admins read the organisation's audit log (filtered, paged, newest first) and verify its hash
/// chains. There is no way to change or delete an entry through the product.
/// </summary>
public static class AuditApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    private const int DefaultDays = 7;
    private const int MaxDays = 366;

    /// <summary>Who did it.</summary>
    public sealed record Actor(CallerKind? Kind, string Id, string Name);

    /// <summary>What it was done to.</summary>
    public sealed record Subject(string Type, string Id);

    /// <summary>One entry as the API shows it; <c>before</c> and <c>after</c> are the JSON the grain recorded.</summary>
    public sealed record EntryView(
        DateTimeOffset At, Actor Actor, string? From, string Action, Subject Subject, JsonNode? Before, JsonNode? After, string Partition, long Sequence, string Hash)
    {
        public static EntryView Of(AuditEntry entry)
        {
            var r = entry.Record;
            return new EntryView(
                r.At, new Actor(r.ActorKind, r.ActorId, r.ActorName), r.From, r.Action, new Subject(r.SubjectType, r.SubjectId),
                r.Before is null ? null : JsonNode.Parse(r.Before), r.After is null ? null : JsonNode.Parse(r.After), entry.Partition, entry.Sequence, entry.Hash);
        }
    }

    /// <summary>A page of entries, newest first; pass <c>nextCursor</c> as <c>cursor</c> for the next page.</summary>
    public sealed record EntryPage(IReadOnlyList<EntryView> Items, string? NextCursor);

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").WithTags("Audit");
        audit.MapGet("/", QueryAsync).RequirePermission(Permission.AuditRead);
        audit.MapGet("/verify", VerifyAsync).RequirePermission(Permission.AuditRead);
        audit.MapGet("/export", ExportAsync).RequirePermission(Permission.AuditRead);
        return app;
    }

    public static async Task<Results<Ok<EntryPage>, ProblemHttpResult>> QueryAsync(
        IGrainFactory grains,
        HttpContext http,
        DateOnly? from = null,
        DateOnly? to = null,
        string? actor = null,
        string? action = null,
        string? subject = null,
        int limit = DefaultPageSize,
        string? cursor = null)
    {
        if (Days(from, to) is not ({ } first, { } last))
        {
            return Problems.BadRequest($"from must not be after to, and the range may span at most {MaxDays} days.");
        }

        if (limit is < 1 or > MaxPageSize)
        {
            return Problems.BadRequest($"limit must be between 1 and {MaxPageSize}.");
        }

        if (cursor is { Length: > 1024 })
        {
            return Problems.BadRequest("The cursor is not one this API gave out.");
        }

        var page = await Reader(grains, http).QueryAsync(new AuditQuery(first, last, Blank(actor), Blank(action), Blank(subject), limit, cursor));
        return TypedResults.Ok(new EntryPage(page.Items.Select(EntryView.Of).ToList(), page.NextCursor));
    }

    /// <summary>
    /// Every matching entry as a CSV download (or NDJSON with <c>format=ndjson</c>), newest first, streamed page by page
    /// so a year of entries never sits in memory. The export itself is recorded in the audit log first.
    /// </summary>
    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportAsync(
        IGrainFactory grains,
        HttpContext http,
        DateOnly? from = null,
        DateOnly? to = null,
        string? actor = null,
        string? action = null,
        string? subject = null,
        string format = "csv")
    {
        if (Days(from, to) is not ({ } first, { } last))
        {
            return Problems.BadRequest($"from must not be after to, and the range may span at most {MaxDays} days.");
        }

        if (format is not ("csv" or "ndjson"))
        {
            return Problems.BadRequest("format must be csv or ndjson.");
        }

        var reader = Reader(grains, http);
        var query = new AuditQuery(first, last, Blank(actor), Blank(action), Blank(subject), MaxPageSize, null);
        await reader.RecordExportAsync(query);

        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var fileName = $"audit-{first:yyyyMMdd}-{last:yyyyMMdd}.{format}";
        return TypedResults.Stream(
            async stream =>
            {
                await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                if (format == "csv")
                {
                    await writer.WriteLineAsync(AuditCsv.Header);
                }

                for (string? cursor = null; ;)
                {
                    var page = await reader.QueryAsync(query with { Cursor = cursor });
                    foreach (var entry in page.Items)
                    {
                        await writer.WriteLineAsync(format == "csv" ? AuditCsv.Row(entry) : JsonSerializer.Serialize(EntryView.Of(entry), json));
                    }

                    if ((cursor = page.NextCursor) is null)
                    {
                        break;
                    }
                }
            },
            format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson",
            fileName);
    }

    public static async Task<Results<Ok<AuditVerification>, ProblemHttpResult>> VerifyAsync(
        IGrainFactory grains, HttpContext http, DateOnly? from = null, DateOnly? to = null) =>
        Days(from, to) is ({ } first, { } last)
            ? TypedResults.Ok(await Reader(grains, http).VerifyAsync(first, last))
            : Problems.BadRequest($"from must not be after to, and the range may span at most {MaxDays} days.");

    // Days are UTC: entries are filed under the UTC day they happened on.
    private static (DateOnly?, DateOnly?) Days(DateOnly? from, DateOnly? to)
    {
        var last = to ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var first = from ?? last.AddDays(1 - DefaultDays);
        return first > last || last.DayNumber - first.DayNumber >= MaxDays ? (null, null) : (first, last);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IAuditReaderGrain Reader(IGrainFactory grains, HttpContext http) =>
        grains.Get<IAuditReaderGrain>(CurrentUser.From(http.User).OrganisationId);
}
