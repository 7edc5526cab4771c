using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inbox.Contracts.Serialization;

/// <summary>
/// The one JSON shape of the public API, for REST and SignalR alike and for every .NET client of them (tests, bench):
/// camelCase names, enums as lower-case strings.
/// </summary>
public static class InboxJson
{
    /// <summary>New options with the API's JSON shape and web defaults.</summary>
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        return options;
    }

    /// <summary>Sets <paramref name="options"/> to the API's JSON shape.</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
    }
}
