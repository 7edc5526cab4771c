using System.Globalization;
using Inbox.Contracts.Audit;
using Inbox.Contracts.Contacts;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Grains;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Security;
using Inbox.Grains.Audit;
using Inbox.Grains.Conversations;
using Inbox.Grains.Storage;

namespace Inbox.Grains.Contacts;

/// <summary>
/// A customer: name, identities on channels, language and attributes, and their conversations, through which agents
/// see them (<see cref="MayCallerSeeAsync"/>).
/// </summary>
public sealed class ContactGrain(
    [PersistentState(stateName: "contact", storageName: GrainStorage.Name)] IPersistentState<ContactState> state,
    AuditTrail audit,
    ConversationIndex conversations,
    TimeProvider time) : Grain, IContactGrain
{
    internal const int MaxAttributes = 50;
    internal const int MaxAttributeLength = 200;

    /// <summary>The conversations a contact remembers, newest kept: an agent sees the customer through one of them.</summary>
    internal const int MaxConversations = 100;

    private OrganisationScoped _key;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = OrganisationScoped.Parse(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task<ContactProfile> AddIdentityAsync(string name, string identity, string conversationId, string? language = null)
    {
        var changed = false;
        if (!state.RecordExists)
        {
            state.State = new ContactState { Name = name, CreatedAt = time.GetUtcNow() };
            changed = true;
        }

        if (!state.State.Identities.Contains(identity))
        {
            state.State.Identities.Add(identity);
            changed = true;
        }

        if (!state.State.ConversationIds.Contains(conversationId))
        {
            state.State.ConversationIds.Add(conversationId);
            if (state.State.ConversationIds.Count > MaxConversations)
            {
                state.State.ConversationIds.RemoveRange(0, state.State.ConversationIds.Count - MaxConversations);
            }

            changed = true;
        }

        if (NormaliseLanguage(language) is { } platformLanguage && !state.State.LanguageSetByAgent && state.State.Language != platformLanguage)
        {
            state.State.Language = platformLanguage;
            changed = true;
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }

        return Profile();
    }

    public async Task RenameAsync(string name)
    {
        if (state.RecordExists && state.State.Name != name)
        {
            state.State.Name = name;
            await state.WriteStateAsync();
        }
    }

    public async Task<ContactProfile> UpdateAsync(string? language, IReadOnlyDictionary<string, string>? attributes)
    {
        if (!state.RecordExists)
        {
            throw new ArgumentException($"Contact '{_key.Key}' does not exist.");
        }

        if (!await MayCallerSeeAsync())
        {
            throw new AccessDeniedException("The caller may not change a customer none of whose conversations they may read.");
        }

        if (Validate(language, attributes) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var before = Profile();
        var s = state.State;
        if (language is not null)
        {
            (s.Language, s.LanguageSetByAgent) = (NormaliseLanguage(language), language.Length > 0);
        }

        foreach (var (name, value) in attributes ?? new Dictionary<string, string>())
        {
            if (value.Length == 0)
            {
                s.Attributes.Remove(name.Trim());
            }
            else
            {
                s.Attributes[name.Trim()] = value.Trim();
            }
        }

        if (s.Attributes.Count > MaxAttributes)
        {
            s.Attributes = new(before.Attributes!, StringComparer.OrdinalIgnoreCase);
            throw new ArgumentException($"A contact has at most {MaxAttributes} attributes.");
        }

        await state.WriteStateAsync();
        var after = Profile();
        await audit.RecordAsync(_key.OrganisationId, AuditActions.ContactChanged, AuditSubjects.Contact, _key.Id,
            before: new { before.Language, before.Attributes }, after: new { after.Language, after.Attributes });
        return after;
    }

    public Task<ContactProfile?> GetAsync() => Task.FromResult(state.RecordExists ? Profile() : null);

    public async Task<ContactProfile?> GetForCallerAsync() => state.RecordExists && await MayCallerSeeAsync() ? Profile() : null;

    /// <summary>
    /// Whether the call's caller may see the customer: whoever may read one of their conversations
    /// (<see cref="ConversationAccess"/>, the rule the conversations and the list apply), judged on the conversations'
    /// list rows as the list writer has them (current, without waking the conversations). A caller who may read every
    /// conversation on a channel the customer is known on (<see cref="ConversationAccess.MayReadChannel"/>) needs no row read.
    /// </summary>
    private async Task<bool> MayCallerSeeAsync()
    {
        if (CallerContext.Current is not { Kind: CallerKind.User } caller)
        {
            // Grains' own calls; calls from outside carry a user (the cluster's edge checks the permission).
            return true;
        }

        if (state.State.Identities.Any(identity => ConversationAccess.MayReadChannel(caller, _key.OrganisationId, GrainKeys.Split(identity, 2)[0])))
        {
            return true;
        }

        var list = GrainFactory.Get<IConversationListWriterGrain>(_key.OrganisationId);
        foreach (var conversationId in Enumerable.Reverse(await ConversationIdsAsync()))
        {
            if (await list.GetAsync(conversationId) is { } row && ConversationAccess.MayRead(caller, row))
            {
                return true;
            }
        }

        return false;
    }

    // A contact stored before contacts kept their conversations learns them once, from the conversation list.
    private async Task<List<string>> ConversationIdsAsync()
    {
        if (state.State.ConversationIds.Count == 0)
        {
            var listed = await conversations.ListOfContactAsync(_key.OrganisationId, _key.Id);
            if (listed.Count > 0)
            {
                state.State.ConversationIds = [.. listed.OrderBy(c => c.CreatedAt).TakeLast(MaxConversations).Select(c => c.ConversationId)];
                await state.WriteStateAsync();
            }
        }

        return state.State.ConversationIds;
    }

    internal static string? Validate(string? language, IReadOnlyDictionary<string, string>? attributes)
    {
        if (language is { Length: > 0 } && NormaliseLanguage(language) is null)
        {
            return "language must be an IETF language tag such as 'en' or 'pt-BR'.";
        }

        foreach (var (name, value) in attributes ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 64)
            {
                return "attribute names must be 1-64 characters.";
            }

            if (value is null || value.Length > MaxAttributeLength)
            {
                return $"attribute '{name}' must have a value of at most {MaxAttributeLength} characters (empty removes it).";
            }
        }

        return null;
    }

    // "pt_BR", "PT-br" and "pt-BR" are the same language; anything that is not a language tag is no language.
    private static string? NormaliseLanguage(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var tag = language.Trim().Replace('_', '-');
        if (tag.Length > 35 || !tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || !char.IsAsciiLetter(tag[0]))
        {
            return null;
        }

        try
        {
            return CultureInfo.GetCultureInfo(tag, predefinedOnly: false).Name is { Length: > 0 } name ? name : tag.ToLowerInvariant();
        }
        catch (CultureNotFoundException)
        {
            return tag.ToLowerInvariant();
        }
    }

    private ContactProfile Profile()
    {
        var s = state.State;
        return new ContactProfile(_key.OrganisationId, _key.Id, s.Name, [.. s.Identities], s.CreatedAt, s.Language,
            new Dictionary<string, string>(s.Attributes, StringComparer.OrdinalIgnoreCase));
    }
}
