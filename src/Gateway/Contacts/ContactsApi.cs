using Inbox.Contracts.Contacts;
using Inbox.Contracts.Grains;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Security;
using Inbox.Gateway.Infrastructure;
using Inbox.Gateway.Security;
using Inbox.Gateway.Session;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inbox.Gateway.Contacts;

/// <summary>
/// <c>/api/v1/contacts</c>: customers' details, which agents keep up to date and routing rules match. A customer the
/// caller may not see (none of their conversations is readable to them) is answered as one that does not exist.
/// </summary>
public static class ContactsApi
{
    /// <summary>The body of a change to a customer's details.</summary>
    /// <param name="Language">An IETF language tag; null leaves it, "" clears it.</param>
    /// <param name="Attributes">Attributes to set; an empty value removes that attribute; null leaves them all.</param>
    public sealed record ContactChangeRequest(string? Language, IReadOnlyDictionary<string, string>? Attributes);

    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder app)
    {
        var contacts = app.MapGroup("/api/v1/contacts").WithTags("Contacts");
        contacts.MapGet("/{contactId}", GetAsync).RequirePermission(Permission.ConversationsRead);
        contacts.MapPatch("/{contactId}", UpdateAsync).RequirePermission(Permission.ConversationsReply);
        return app;
    }

    public static async Task<Results<Ok<ContactProfile>, ProblemHttpResult>> GetAsync(string contactId, IGrainFactory grains, HttpContext http) =>
        Contact(grains, http, contactId) is { } contact && await contact.GetForCallerAsync() is { } profile ? TypedResults.Ok(profile) : NotFound(contactId);

    public static async Task<Results<Ok<ContactProfile>, ProblemHttpResult>> UpdateAsync(
        string contactId, ContactChangeRequest request, IGrainFactory grains, HttpContext http)
    {
        if (Contact(grains, http, contactId) is not { } contact || await contact.GetForCallerAsync() is null)
        {
            return NotFound(contactId);
        }

        return TypedResults.Ok(await contact.UpdateAsync(request.Language, request.Attributes));
    }

    private static IContactGrain? Contact(IGrainFactory grains, HttpContext http, string contactId) =>
        GrainKeys.IsValidId(contactId) ? grains.Get<IContactGrain>(GrainKeys.Compose(CurrentUser.From(http.User).OrganisationId, contactId)) : null;

    private static ProblemHttpResult NotFound(string contactId) => Problems.NotFound("contact", contactId);
}
