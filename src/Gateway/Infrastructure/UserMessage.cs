namespace Inbox.Gateway.Infrastructure;

/// <summary>
/// What a refused request's exception says to a person. An <see cref="ArgumentException"/> thrown with a parameter
/// name carries .NET's " (Parameter 'settings')" at the end of its message: that names our code, not anything the
/// user sent, so it is left out of problem details and hub errors.
/// </summary>
internal static class UserMessage
{
    private const string ParameterSuffix = " (Parameter '";

    public static string Of(Exception exception)
    {
        var message = exception.Message;
        if (exception is not ArgumentException || !message.EndsWith("')", StringComparison.Ordinal))
        {
            return message;
        }

        var at = message.LastIndexOf(ParameterSuffix, StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }
}
