using Azure.Data.Tables;
using Inbox.Grains.Audit;
using Inbox.Grains.Channels;
using Inbox.Grains.Conversations;
using Inbox.Grains.Security;
using Inbox.Grains.Storage;
using Inbox.Grains.Users;
using Inbox.Hosting;
using Inbox.Hosting.Media;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Inbox.Grains;

/// <summary>Registers what the grains need besides Orleans itself: the table clients and the stores over them.</summary>
public static class GrainServiceCollectionExtensions
{
    /// <summary>Adds the message log, the conversation index, the user directory and the start-up step that creates their tables.</summary>
    public static IServiceCollection AddInboxGrainServices(this IServiceCollection services, string storageConnectionString)
    {
        services.AddSingleton(new TableServiceClient(storageConnectionString));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MessageLog>();
        services.AddSingleton<ConversationIndex>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<ChannelSecrets>();
        services.AddSingleton<OutboxStore>();
        services.TryAddSingleton(new PlatformClock(TimeProvider.System));
        services.AddInboxMediaStore(storageConnectionString);
        services.AddSingleton<AuditStore>();
        services.AddSingleton<AuditTrail>();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>();
        services.AddOptions<RoutingOptions>().BindConfiguration(RoutingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RoutingOptions>, RoutingOptionsValidator>();
        services.TryAddSingleton<IPasswordHasher<UserState>, PasswordHasher<UserState>>();
        services.AddOptions<ChannelApiOptions>().BindConfiguration(ChannelApiOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChannelApiOptions>, ChannelApiOptionsValidator>();
        services.AddHttpClient(ChannelApiOptions.HttpClientName).AddResilienceHandler("platform-calls", (pipeline, context) =>
        {
            // Retried only when the platform cannot have seen the request (no connection, no name): a timeout or a 5xx
            // may mean the message went out, so those surface as a transient failure instead of a duplicate message.
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is HttpRequestException
                {
                    HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError,
                }),
            });
            pipeline.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<ChannelApiOptions>>().Value.RequestTimeout);
        });
        services.AddHostedService<TableInitializer>();
        return services;
    }

    /// <summary>
    /// The grains' own silo configuration: their state storage, reminders (snoozes, the routers' keep-alive) and the
    /// authorization filter on every call.
    /// </summary>
    public static ISiloBuilder AddInboxGrains(this ISiloBuilder silo, TableServiceClient tables)
    {
        silo.AddAzureTableGrainStorage(GrainStorage.Name, o => o.TableServiceClient = tables);
        silo.UseAzureTableReminderService(o => o.TableServiceClient = tables);
        silo.AddIncomingGrainCallFilter<CallerAuthorizationFilter>();
        return silo;
    }
}
