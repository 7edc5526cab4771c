using Inbox.Gateway.Infrastructure;

namespace Inbox.Gateway.Tests.Infrastructure;

public sealed class UserMessageTests
{
    [Fact]
    public void A_refusal_names_what_was_wrong_without_the_code_parameter_it_was_thrown_for()
    {
        var refused = new ArgumentException("rule 2: 'english please' is not a language tag such as 'en' or 'pt-BR'.", "settings");

        Assert.Equal("rule 2: 'english please' is not a language tag such as 'en' or 'pt-BR'.", UserMessage.Of(refused));
        Assert.Equal("text must not be empty.", UserMessage.Of(new ArgumentException("text must not be empty.")));
        Assert.Equal("Busy (Parameter 'x')", UserMessage.Of(new InvalidOperationException("Busy (Parameter 'x')")));
    }
}
