using Inbox.Contracts.Conversations;
using Inbox.Contracts.Organisations;
using Inbox.Contracts.Routing;
using Inbox.Grains.Routing;

namespace Inbox.Grains.Tests.Routing;

public sealed class RoutingRulesTests
{
    private static readonly RoutingTicket Ticket = new("cv_1", "wa", ConversationStatus.Open, null, null, ConversationPriority.Medium, DateTimeOffset.UnixEpoch, 1);

    private static readonly RoutingFacts Facts = new(
        "Hello, I want a REFUND for order #42",
        "pt-BR",
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["plan"] = "Enterprise", ["region"] = "EU" });

    public static TheoryData<string, RuleConditions, bool> Conditions => new()
    {
        { "no condition matches everything", new RuleConditions(), true },
        { "channel listed", new RuleConditions(Channels: ["web", "wa"]), true },
        { "channel not listed", new RuleConditions(Channels: ["web"]), false },
        { "team, when the conversation has none", new RuleConditions(Teams: ["billing"]), false },
        { "language family", new RuleConditions(Languages: ["pt"]), true },
        { "exact language, any case", new RuleConditions(Languages: ["PT-br"]), true },
        { "another variant", new RuleConditions(Languages: ["pt-PT"]), false },
        { "a prefix is not a language", new RuleConditions(Languages: ["p"]), false },
        { "keyword as a word, any case", new RuleConditions(Keywords: ["refund"]), true },
        { "keyword phrase", new RuleConditions(Keywords: ["order #42"]), true },
        { "keyword inside a word", new RuleConditions(Keywords: ["fund"]), false },
        { "any keyword", new RuleConditions(Keywords: ["cancel", "refund"]), true },
        { "attribute value, any case", new RuleConditions(ContactAttributes: new Dictionary<string, string> { ["Plan"] = "enterprise" }), true },
        { "every attribute must match", new RuleConditions(ContactAttributes: new Dictionary<string, string> { ["plan"] = "enterprise", ["region"] = "US" }), false },
        { "missing attribute", new RuleConditions(ContactAttributes: new Dictionary<string, string> { ["tier"] = "gold" }), false },
        { "priority at least medium", new RuleConditions(MinPriority: ConversationPriority.Medium), true },
        { "priority at least high", new RuleConditions(MinPriority: ConversationPriority.High), false },
        { "all conditions together", new RuleConditions(Channels: ["wa"], Languages: ["pt"], Keywords: ["refund"], MinPriority: ConversationPriority.Low), true },
        { "one condition failing fails the rule", new RuleConditions(Channels: ["wa"], Languages: ["en"], Keywords: ["refund"]), false },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Each_condition_kind_matches_as_documented(string because, RuleConditions when, bool matches) =>
        Assert.True(RoutingRules.Matches(when, Ticket, Facts) == matches, because);

    [Fact]
    public void A_team_condition_matches_the_conversations_current_team() =>
        Assert.True(RoutingRules.Matches(new RuleConditions(Teams: ["billing"]), Ticket with { TeamId = "billing" }, Facts));

    [Fact]
    public void Keywords_in_scripts_without_spaces_match_anywhere()
    {
        Assert.True(RoutingRules.ContainsKeyword("我想退款，谢谢", "退款"));
        Assert.True(RoutingRules.ContainsKeyword("返金をお願いします", "返金"));
        Assert.False(RoutingRules.ContainsKeyword("refunded already", "refund"));
    }

    [Fact]
    public void The_first_matching_rule_wins_and_none_matching_leaves_round_robin()
    {
        var rules = new List<RoutingRule>
        {
            new("vip", "VIP", new RuleConditions(ContactAttributes: new Dictionary<string, string> { ["plan"] = "enterprise" }), new RuleAction(TeamId: "vip")),
            new("refunds", "Refunds", new RuleConditions(Keywords: ["refund"]), new RuleAction(TeamId: "billing")),
        };
        Assert.Equal("vip", RoutingRules.FirstMatch(rules, Ticket, Facts)!.RuleId);
        Assert.Equal("refunds", RoutingRules.FirstMatch([rules[1], rules[0]], Ticket, Facts)!.RuleId);
        Assert.Null(RoutingRules.FirstMatch(rules, Ticket, Facts with { Text = "hi", ContactAttributes = new Dictionary<string, string>() }));
    }

    public static TheoryData<RoutingSettings, string> BadSettings => new()
    {
        { RoutingSettings.Default with { DefaultCapacity = 0 }, "defaultCapacity must be between 1 and 1000." },
        { RoutingSettings.Default with { WaitAlertSeconds = 5 }, "waitAlertSeconds must be between 10 and 86400 (a day)." },
        { RoutingSettings.Default with { ReopenWindowHours = -1 }, "reopenWindowHours must be between 0 and 8760 (a year)." },
        { WithRule(new RoutingRule("r 1", "R", new RuleConditions(), new RuleAction(TeamId: "billing"))), "rule 1: ruleId must be 1-64 letters, digits, '-' or '_'." },
        { WithRule(new RoutingRule("r1", " ", new RuleConditions(), new RuleAction(TeamId: "billing"))), "rule 1: name must be 1-100 characters." },
        { WithRule(new RoutingRule("r1", "R", new RuleConditions(), new RuleAction())), "rule 1: then must give a teamId, an agentId or a priority." },
        { WithRule(new RoutingRule("r1", "R", new RuleConditions(Channels: ["nope"]), new RuleAction(TeamId: "billing"))), "rule 1: there is no channel 'nope'." },
        { WithRule(new RoutingRule("r1", "R", new RuleConditions(), new RuleAction(TeamId: "nope"))), "rule 1: there is no team 'nope'." },
        { WithRule(new RoutingRule("r1", "R", new RuleConditions(), new RuleAction(AgentId: "u_nobody"))), "rule 1: there is no active user 'u_nobody'." },
        { WithRule(new RoutingRule("r1", "R", new RuleConditions(Languages: ["english!"]), new RuleAction(TeamId: "billing"))), "rule 1: 'english!' is not a language tag such as 'en' or 'pt-BR'." },
        { WithRule(new RoutingRule("r1", "R", new RuleConditions(Keywords: [""]), new RuleAction(TeamId: "billing"))), "rule 1: keywords must be 1-100 characters each." },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Bad_settings_are_refused_with_what_is_wrong(RoutingSettings settings, string problem)
    {
        var organisation = new OrganisationInfo("org", "Acme", ["web", "wa"], [new Team("billing", "Billing")]);
        Assert.Equal(problem, RoutingRules.Validate(settings, organisation, id => id == "u_ana"));
    }

    private static RoutingSettings WithRule(RoutingRule rule) => RoutingSettings.Default with { Rules = [rule] };
}
