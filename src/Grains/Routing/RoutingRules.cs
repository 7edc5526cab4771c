using System.Text.RegularExpressions;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Organisations;
using Inbox.Contracts.Routing;

namespace Inbox.Grains.Routing;

/// <summary>How routing rules are checked and matched (docs/routing.md describes the same to admins).</summary>
public static class RoutingRules
{
    private const int MaxListEntries = 50;
    private const int MaxTextLength = 100;

    /// <summary>The first rule whose conditions all hold for <paramref name="ticket"/>, or null.</summary>
    public static RoutingRule? FirstMatch(IReadOnlyList<RoutingRule> rules, RoutingTicket ticket, RoutingFacts facts) =>
        rules.FirstOrDefault(rule => Matches(rule.When, ticket, facts));

    /// <summary>True when every condition given holds.</summary>
    public static bool Matches(RuleConditions when, RoutingTicket ticket, RoutingFacts facts) =>
        (IsEmpty(when.Channels) || when.Channels!.Contains(ticket.ChannelId, StringComparer.Ordinal))
        && (IsEmpty(when.Teams) || (ticket.TeamId is { } team && when.Teams!.Contains(team, StringComparer.Ordinal)))
        && (IsEmpty(when.Languages) || (facts.Language is { } language && when.Languages!.Any(l => LanguageMatches(l, language))))
        && (IsEmpty(when.Keywords) || when.Keywords!.Any(k => ContainsKeyword(facts.Text, k)))
        && (when.ContactAttributes is not { Count: > 0 } attributes || attributes.All(a =>
            facts.ContactAttributes.TryGetValue(a.Key, out var value) && string.Equals(value, a.Value, StringComparison.OrdinalIgnoreCase)))
        && (when.MinPriority is not { } min || ticket.Priority >= min);

    /// <summary>
    /// True when <paramref name="wanted"/> names <paramref name="language"/> or the language it is a variant of:
    /// <c>en</c> matches <c>en-GB</c>; <c>en-GB</c> matches only itself.
    /// </summary>
    public static bool LanguageMatches(string wanted, string language) =>
        string.Equals(wanted, language, StringComparison.OrdinalIgnoreCase)
        || (language.Length > wanted.Length && language[wanted.Length] == '-' && language.StartsWith(wanted, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// True when <paramref name="text"/> contains <paramref name="keyword"/> as whole words, ignoring case ("refund"
    /// matches "Refund please" but not "refunded"). Scripts written without spaces (Chinese, Japanese, Thai, …) have no
    /// word boundaries to look for, so there the keyword may stand anywhere.
    /// </summary>
    public static bool ContainsKeyword(string text, string keyword)
    {
        var trimmed = keyword.Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }

        if (trimmed.Any(IsUnspacedScript))
        {
            return text.Contains(trimmed, StringComparison.OrdinalIgnoreCase);
        }

        return Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(trimmed)}(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    /// <summary>What is wrong with <paramref name="settings"/>, or null when nothing is.</summary>
    public static string? Validate(RoutingSettings settings, OrganisationInfo organisation, Func<string, bool> isUser)
    {
        if (settings.DefaultCapacity is < 1 or > RoutingSettings.MaxCapacity)
        {
            return $"defaultCapacity must be between 1 and {RoutingSettings.MaxCapacity}.";
        }

        if (settings.WaitAlertSeconds is < 10 or > 86_400)
        {
            return "waitAlertSeconds must be between 10 and 86400 (a day).";
        }

        if (settings.ReopenWindowHours is < 0 or > 8_760)
        {
            return "reopenWindowHours must be between 0 and 8760 (a year).";
        }

        if (settings.Rules is null || settings.Rules.Count > RoutingSettings.MaxRules)
        {
            return $"rules must be a list of at most {RoutingSettings.MaxRules} rules.";
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (rule, i) in settings.Rules.Select((r, i) => (r, i + 1)))
        {
            if (ValidateRule(rule, organisation, isUser) is { } problem)
            {
                return $"rule {i}: {problem}";
            }

            if (!ids.Add(rule.RuleId))
            {
                return $"rule {i}: ruleId '{rule.RuleId}' is used twice.";
            }
        }

        return null;
    }

    private static string? ValidateRule(RoutingRule? rule, OrganisationInfo organisation, Func<string, bool> isUser)
    {
        if (rule is null || rule.When is null || rule.Then is null)
        {
            return "give ruleId, name, when and then.";
        }

        if (!GrainKeys.IsValidId(rule.RuleId))
        {
            return "ruleId must be 1-64 letters, digits, '-' or '_'.";
        }

        if (string.IsNullOrWhiteSpace(rule.Name) || rule.Name.Length > MaxTextLength)
        {
            return $"name must be 1-{MaxTextLength} characters.";
        }

        var when = rule.When;
        if ((TooLong(when.Channels) ?? TooLong(when.Teams) ?? TooLong(when.Languages) ?? TooLong(when.Keywords)) is { } listProblem)
        {
            return listProblem;
        }

        if (when.Channels?.FirstOrDefault(c => !organisation.ChannelIds.Contains(c)) is { } channel)
        {
            return $"there is no channel '{channel}'.";
        }

        if (when.Teams?.FirstOrDefault(t => organisation.Teams.All(team => team.TeamId != t)) is { } unknownTeam)
        {
            return $"there is no team '{unknownTeam}'.";
        }

        if (when.Languages?.FirstOrDefault(l => !IsLanguageTag(l)) is { } language)
        {
            return $"'{language}' is not a language tag such as 'en' or 'pt-BR'.";
        }

        if (when.Keywords?.FirstOrDefault(k => string.IsNullOrWhiteSpace(k) || k.Length > MaxTextLength) is not null)
        {
            return $"keywords must be 1-{MaxTextLength} characters each.";
        }

        if (when.ContactAttributes is { } attributes
            && (attributes.Count > MaxListEntries || attributes.Any(a => string.IsNullOrWhiteSpace(a.Key) || a.Value is null || a.Value.Length > 200)))
        {
            return $"contactAttributes must be at most {MaxListEntries} names, each with a value of at most 200 characters.";
        }

        if (when.MinPriority is { } min && !Enum.IsDefined(min))
        {
            return $"unknown priority '{min}'.";
        }

        var then = rule.Then;
        if (then.TeamId is null && then.AgentId is null && then.Priority is null)
        {
            return "then must give a teamId, an agentId or a priority.";
        }

        if (then.TeamId is { } team && organisation.Teams.All(t => t.TeamId != team))
        {
            return $"there is no team '{team}'.";
        }

        if (then.AgentId is { } agent && !isUser(agent))
        {
            return $"there is no active user '{agent}'.";
        }

        return then.Priority is { } priority && !Enum.IsDefined(priority) ? $"unknown priority '{priority}'." : null;
    }

    private static string? TooLong(IReadOnlyList<string>? list) =>
        list is { Count: > MaxListEntries } ? $"a condition lists at most {MaxListEntries} entries." : null;

    private static bool IsEmpty(IReadOnlyList<string>? list) => list is null || list.Count == 0;

    private static bool IsLanguageTag(string tag) =>
        tag.Length is > 1 and <= 35 && char.IsAsciiLetter(tag[0]) && tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static bool IsUnspacedScript(char c) =>
        c is (>= '\u0E00' and <= '\u0EFF') // Thai, Lao
            or (>= '\u1000' and <= '\u109F') // Myanmar
            or (>= '\u1780' and <= '\u17FF') // Khmer
            or (>= '\u3040' and <= '\u30FF') // Hiragana, Katakana
            or (>= '\u3400' and <= '\u9FFF') // CJK
            or (>= '\uF900' and <= '\uFAFF');
}
