using System.Text.Json.Serialization;
using Inbox.Simulator.Control;
using Inbox.Simulator.Demo;
using Inbox.Simulator.Platforms;

namespace Inbox.Simulator;

/// <summary>
/// The simulator as a web application: each platform's API under its own prefix (<c>/whatsapp/</c>, <c>/messenger/</c>,
/// <c>/instagram/</c>, <c>/telegram/</c>, <c>/line/</c>, <c>/wechat/</c>), and <c>/simulator/</c> to inspect what arrived
/// and set faults, rate limits and revoked credentials. Run as its own process (<c>./run.sh</c>'s demo) or hosted inside a test.
/// </summary>
public static class SimulatorApp
{
    /// <summary>Where each platform's API is on a simulator at <paramref name="simulator"/>: the inbox's <c>Inbox:Channels:BaseUrls</c>.</summary>
    public static IReadOnlyDictionary<string, Uri> BaseUrls(Uri simulator) => new Dictionary<string, Uri>
    {
        ["whatsapp"] = new(simulator, "whatsapp/v21.0/"),
        ["messenger"] = new(simulator, "messenger/v21.0/"),
        ["instagram"] = new(simulator, "instagram/v21.0/"),
        ["telegram"] = new(simulator, "telegram/"),
        ["line"] = new(simulator, "line/"),
        ["wechat"] = new(simulator, "wechat/"),
    };

    /// <summary>Builds the application; <paramref name="urls"/> overrides the listening addresses.</summary>
    public static WebApplication Create(string[] args, string? urls = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (urls is not null)
        {
            builder.WebHost.UseUrls(urls);
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SimulatorState>();
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
        builder.Services.AddHostedService<DemoTraffic>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.SnakeCaseLower)));
        var app = builder.Build();

        MetaApi.Map(app);
        TelegramApi.Map(app);
        LineApi.Map(app);
        WeChatApi.Map(app);
        MediaApi.Map(app);
        ProfileApi.Map(app);

        ControlApi.Map(app);
        app.MapGet("/", () => "Inbox platform simulator: /whatsapp /messenger /instagram /telegram /line /wechat, control at /simulator");
        return app;
    }
}
