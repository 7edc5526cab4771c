using Inbox.Contracts.Messages;

namespace Inbox.Contracts.Tests;

public sealed class MessageTextTests
{
    [Theory]
    [InlineData(null, "The message text is missing.")]
    [InlineData("", "The message text is empty.")]
    [InlineData(" \n\t ", "The message text is empty.")]
    public void Missing_or_blank_text_is_refused(string? text, string problem) =>
        Assert.Equal(problem, MessageText.Validate(text));

    [Fact]
    public void Text_up_to_the_limit_is_accepted_and_one_more_character_is_refused()
    {
        Assert.Null(MessageText.Validate(new string('a', MessageText.MaxLength)));
        Assert.Equal(
            "The message text is 4097 characters long; the limit is 4096.",
            MessageText.Validate(new string('a', MessageText.MaxLength + 1)));
    }

    [Fact]
    public void The_preview_is_one_line_and_cut_with_an_ellipsis()
    {
        Assert.Equal("Hello there", MessageText.Preview("  Hello\nthere "));
        var preview = MessageText.Preview(new string('a', 500));
        Assert.Equal(MessageText.PreviewLength, preview.Length);
        Assert.EndsWith("…", preview, StringComparison.Ordinal);
    }
}
